"""`pitchlint server` end to end: pygls's LanguageClient starts the server as a subprocess and
speaks JSON-RPC to it over stdio, as an editor does."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

PAGE = (
    "<html>\n<head><title>Re: Ohio rates</title></head>\n<body>\n<p>Hi Sam,</p>\n"
    "<p>We are <b>the leaders in</b> tax software. What changed in your Ohio plans?</p>\n</body>\n</html>\n"
)
DRAFT = "Subject: Re: Re: rates\n\nHi Sam,\n\nWe are the leaders in tax. What changed in your Ohio plans?\n"


# an editor that watches files for the server, as VS Code and Neovim do
CAPABILITIES = lsp.ClientCapabilities(
    workspace=lsp.WorkspaceClientCapabilities(
        did_change_watched_files=lsp.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
    )
)


class Editor:
    """A client that keeps the diagnostics the server publishes, per document."""

    def __init__(self) -> None:
        self.client = LanguageClient("pitchlint-test", "1")
        self.published: dict[str, asyncio.Queue[list[lsp.Diagnostic]]] = {}
        self.registrations: list[lsp.Registration] = []

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def publish(params: lsp.PublishDiagnosticsParams) -> None:
            self.queue(params.uri).put_nowait(params.diagnostics)

        @self.client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
        def register(params: lsp.RegistrationParams) -> None:
            self.registrations.extend(params.registrations)

    def queue(self, uri: str) -> asyncio.Queue[list[lsp.Diagnostic]]:
        return self.published.setdefault(uri, asyncio.Queue())

    async def start(self, root: Path) -> None:
        await self.client.start_io(sys.executable, "-m", "pitchlint", "server", cwd=str(root))
        await self.client.initialize_async(
            lsp.InitializeParams(capabilities=CAPABILITIES, root_uri=root.as_uri())
        )
        self.client.initialized(lsp.InitializedParams())

    async def diagnostics(self, uri: str) -> list[lsp.Diagnostic]:
        return await asyncio.wait_for(self.queue(uri).get(), timeout=120)

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


def _open(editor: Editor, uri: str, text: str, language: str = "plaintext") -> None:
    editor.client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        )
    )


def _apply(text: str, edits: list[lsp.TextEdit]) -> str:
    """Apply LSP text edits (ASCII test text: UTF-16 units are characters)."""
    lines = text.splitlines(keepends=True)

    def offset(p: lsp.Position) -> int:
        return sum(len(line) for line in lines[: p.line]) + p.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def _change(editor: Editor, uri: str, text: str, version: int) -> None:
    editor.client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def _with_draft(tmp_path: Path, scenario) -> None:  # type: ignore[no-untyped-def]
    """Start a server, open DRAFT as draft.txt, and run `scenario(editor, uri, by_rule)` with
    its first diagnostics by rule id; the server is shut down whatever happens."""

    async def session() -> None:
        editor = Editor()
        await editor.start(tmp_path)
        try:
            uri = (tmp_path / "draft.txt").as_uri()
            _open(editor, uri, DRAFT)
            by_rule = {d.code: d for d in await editor.diagnostics(uri)}
            await scenario(editor, uri, by_rule)
        finally:
            await editor.stop()

    asyncio.run(session())


async def _actions(editor: Editor, uri: str, diagnostic: lsp.Diagnostic) -> list[lsp.CodeAction]:
    return await editor.client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=lsp.CodeActionContext(diagnostics=[diagnostic]),
        )
    )


def test_diagnostics_code_actions_hover_and_a_fix_that_clears_its_diagnostic(tmp_path):
    async def scenario(editor: Editor, uri: str, by_rule: dict) -> None:
        fake = by_rule["fake-reply-subject"]
        assert (fake.range.start.line, fake.range.start.character) == (0, 9)  # "Re: Re: "
        assert (fake.range.end.line, fake.range.end.character) == (0, 17)
        assert fake.severity == lsp.DiagnosticSeverity.Error and fake.source == "pitchlint"
        assert fake.code_description.href.endswith("fake-reply-subject.yaml")
        hype = by_rule["hype-superlatives"]
        line = DRAFT.splitlines()[hype.range.start.line]
        assert line[hype.range.start.character :].startswith("the leaders in")

        hover = await editor.client.text_document_hover_async(
            lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=uri), position=fake.range.start)
        )
        assert hover.contents.value.startswith("# fake-reply-subject")

        actions = await _actions(editor, uri, fake)
        titles = [a.title for a in actions]
        assert "Remove the Re:/Fwd: prefixes (safe)" in titles
        assert "Disable fake-reply-subject for this line" in titles
        assert "pitchlint: fix all safe" in titles
        assert not any("hype-superlatives" in t for t in titles)  # only the asked range's
        fix = next(a for a in actions if a.title.startswith("Remove the Re:/Fwd:"))
        fixed = _apply(DRAFT, fix.edit.changes[uri])
        assert fixed.startswith("Subject: rates\n")
        _change(editor, uri, fixed, 2)
        after = {d.code for d in await editor.diagnostics(uri)}
        assert "fake-reply-subject" not in after and "hype-superlatives" in after

    _with_draft(tmp_path, scenario)


def test_a_disable_comment_silences_the_line_and_an_html_draft_is_fixed_in_its_markup(tmp_path):
    async def scenario(editor: Editor, uri: str, by_rule: dict) -> None:
        actions = await _actions(editor, uri, by_rule["hype-superlatives"])
        disable = next(a for a in actions if a.title == "Disable hype-superlatives for this line")
        silenced = _apply(DRAFT, disable.edit.changes[uri])
        assert "<!-- pitchlint-disable-next-line hype-superlatives -->\n" in silenced
        _change(editor, uri, silenced, 2)
        assert "hype-superlatives" not in {d.code for d in await editor.diagnostics(uri)}

        page_uri = uri.replace("draft.txt", "template.html")
        _open(editor, page_uri, PAGE, "html")
        on_page = {d.code: d for d in await editor.diagnostics(page_uri)}
        hype = on_page["hype-superlatives"]
        line = PAGE.splitlines()[hype.range.start.line]  # located in the HTML as written
        assert line[hype.range.start.character : hype.range.end.character] == "the leaders in"
        titles = [a.title for a in await _actions(editor, page_uri, hype)]
        assert "Disable hype-superlatives for this line" in titles
        assert not any(t.startswith("Cut the superlative") for t in titles)  # it would cut through <b>

        fix = next(
            a for a in await _actions(editor, page_uri, on_page["fake-reply-subject"]) if "Re:" in a.title
        )
        fixed = _apply(PAGE, fix.edit.changes[page_uri])
        assert fixed == PAGE.replace("<title>Re: ", "<title>")  # in the markup, nothing else touched
        _change(editor, page_uri, fixed, 2)
        assert "fake-reply-subject" not in {d.code for d in await editor.diagnostics(page_uri)}

    _with_draft(tmp_path, scenario)


def test_an_edited_config_re_judges_open_documents(tmp_path):
    async def scenario(editor: Editor, uri: str, by_rule: dict) -> None:
        assert "hype-superlatives" in by_rule
        watched = next(r for r in editor.registrations if r.method == lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
        assert "**/*.yaml" in [w["globPattern"] for w in watched.register_options["watchers"]]
        config = tmp_path / ".pitchlint.yaml"
        config.write_text("ignore: [hype-superlatives]\n", encoding="utf-8")
        editor.client.workspace_did_change_watched_files(
            lsp.DidChangeWatchedFilesParams(
                changes=[lsp.FileEvent(uri=config.as_uri(), type=lsp.FileChangeType.Created)]
            )
        )
        after = {d.code for d in await editor.diagnostics(uri)}
        assert "hype-superlatives" not in after and "fake-reply-subject" in after

    _with_draft(tmp_path, scenario)


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
