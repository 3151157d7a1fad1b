"""`pitchlint server`: a language server over stdio (pygls), so an editor shows findings as
they are typed, offers the fixes and disable comments as code actions, and the rule's docs on
hover. One warm pipeline serves every document; a change re-checks only that document."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from pitchlint import __version__
from pitchlint.editor.session import Checked, Session, disable_comment
from pitchlint.findings import Applicability, Finding, Severity

DEBOUNCE_SECONDS = 0.01  # changes queued behind a running check coalesce into one check
SOURCE = "pitchlint"
_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


@dataclass
class _Document:
    text: str
    checked: Checked


class PitchlintServer(LanguageServer):
    def __init__(self, config_path: Path | None = None) -> None:
        super().__init__("pitchlint", __version__)
        self.session = Session(config_path)
        self.documents: dict[str, _Document] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}

    def check_document(self, uri: str) -> None:
        """Check the document as it is now and publish its diagnostics."""
        text = self.workspace.get_text_document(uri).source
        checked = self.session.check(to_fs_path(uri) or uri, text)
        self.documents[uri] = _Document(text, checked)
        findings = [f for report in checked.reports for f in report.findings]
        diagnostics = [_diagnostic(self.session, text, f, checked) for f in findings]
        diagnostics += [_skipped(s.reason) for s in checked.skipped]
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics))


# what `check` reads besides the draft: a changed one re-judges every open document
WATCHED = ("**/pyproject.toml", "**/*.yaml", "**/*.yml")  # .pitchlint.yaml, rule packs


def build_server(config_path: Path | None = None) -> PitchlintServer:
    server = PitchlintServer(config_path)

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: PitchlintServer, params: lsp.InitializedParams) -> None:
        """Ask the editor to report config and rule file changes, where it can."""
        capabilities = ls.client_capabilities.workspace
        watched = capabilities.did_change_watched_files if capabilities else None
        if not (watched and watched.dynamic_registration):
            return  # the next check still sees them: the session compares modification times
        options = lsp.DidChangeWatchedFilesRegistrationOptions(
            watchers=[lsp.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED]
        )
        registration = lsp.Registration(
            id="pitchlint-config", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        await ls.client_register_capability_async(lsp.RegistrationParams(registrations=[registration]))

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PitchlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.check_document(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PitchlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.check_document(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: PitchlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in ls.pending:
            ls.pending[uri].cancel()
        ls.pending[uri] = asyncio.ensure_future(_after_pause(ls, uri))

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PitchlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.documents.pop(uri, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_changed(ls: PitchlintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        for uri in list(ls.documents):  # a config or rule file changed: judge again
            ls.check_document(uri)

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(
            code_action_kinds=[lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.SourceFixAll]
        ),
    )
    def code_actions(ls: PitchlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        document = ls.documents.get(params.text_document.uri)
        if document is None:
            return []
        return _code_actions(ls, params.text_document.uri, document, params.range)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: PitchlintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        document = ls.documents.get(params.text_document.uri)
        if document is None:
            return None
        return _hover(ls.session, document, params.position)

    @server.feature(lsp.TEXT_DOCUMENT_INLAY_HINT)
    def inlay_hints(ls: PitchlintServer, params: lsp.InlayHintParams) -> list[lsp.InlayHint]:
        document = ls.documents.get(params.text_document.uri)
        if document is None or not document.checked.reports:
            return []
        return [_score_hint(document, report) for report in document.checked.reports]

    return server


async def _after_pause(ls: PitchlintServer, uri: str) -> None:
    try:
        await asyncio.sleep(DEBOUNCE_SECONDS)
    except asyncio.CancelledError:
        return
    ls.pending.pop(uri, None)
    ls.check_document(uri)


# positions --------------------------------------------------------------------------------


def _position(text: str, line: int, col: int) -> lsp.Position:
    """LSP positions count UTF-16 code units; pitchlint's columns count characters (1-based)."""
    lines = text.splitlines()
    row = min(max(line - 1, 0), max(len(lines) - 1, 0))
    prefix = lines[row][: max(col - 1, 0)] if lines else ""
    return lsp.Position(line=row, character=len(prefix.encode("utf-16-le")) // 2)


def _range(text: str, finding: Finding, checked: Checked) -> lsp.Range:
    """The finding's words in the file as written. The end is mapped from the last character
    it covers: in an HTML draft the offset after it may sit past a closing tag."""
    draft = next(r.draft for r in checked.reports if finding in r.findings)
    start = _position(text, finding.line, finding.col)
    if finding.end <= finding.start:
        return lsp.Range(start=start, end=start)
    last_line, last_col = draft.line_col(finding.end - 1)
    return lsp.Range(start=start, end=_position(text, last_line, last_col + 1))


def _edit_range(text: str, start: int, end: int) -> lsp.Range:
    """Offsets in the document's own text as an LSP range."""

    def at(offset: int) -> lsp.Position:
        before = text[:offset]
        line = before.count("\n")
        column = before[before.rfind("\n") + 1 :]
        return lsp.Position(line=line, character=len(column.encode("utf-16-le")) // 2)

    return lsp.Range(start=at(start), end=at(end))


# diagnostics, actions, hover --------------------------------------------------------------


def _diagnostic(session: Session, text: str, finding: Finding, checked: Checked) -> lsp.Diagnostic:
    rule = session.rule(checked.config, finding.rule)
    return lsp.Diagnostic(
        range=_range(text, finding, checked),
        message=finding.message + (f"\n{finding.advice}" if finding.advice else ""),
        severity=lsp.DiagnosticSeverity.Hint if finding.positive else _SEVERITY[finding.severity],
        code=finding.rule,
        code_description=lsp.CodeDescription(href=rule.path.as_uri()) if rule is not None else None,
        source=SOURCE,
    )


def _skipped(reason: str) -> lsp.Diagnostic:
    start = lsp.Position(line=0, character=0)
    return lsp.Diagnostic(
        range=lsp.Range(start=start, end=start),
        message=reason,
        severity=lsp.DiagnosticSeverity.Warning,
        source=SOURCE,
    )


def _overlaps(text: str, finding: Finding, checked: Checked, wanted: lsp.Range) -> bool:
    found = _range(text, finding, checked)
    before = (found.end.line, found.end.character) < (wanted.start.line, wanted.start.character)
    after = (found.start.line, found.start.character) > (wanted.end.line, wanted.end.character)
    return not before and not after


def _code_actions(
    ls: PitchlintServer, uri: str, document: _Document, wanted: lsp.Range
) -> list[lsp.CodeAction]:
    text, checked = document.text, document.checked
    actions: list[lsp.CodeAction] = []
    for report in checked.reports:
        for finding in report.findings:
            if not _overlaps(text, finding, checked, wanted):
                continue
            diagnostic = _diagnostic(ls.session, text, finding, checked)
            placed = checked.file_edits(finding) if text == report.draft.source_text else None
            if finding.fix is not None and placed is not None:
                edits = [
                    lsp.TextEdit(range=_edit_range(text, e.start, e.end), new_text=e.content) for e in placed
                ]
                actions.append(
                    lsp.CodeAction(
                        title=f"{finding.fix.title} ({finding.fix.applicability})",
                        kind=lsp.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        is_preferred=finding.fix.applicability == Applicability.SAFE,
                        edit=lsp.WorkspaceEdit(changes={uri: edits}),
                    )
                )
            actions += _disable_actions(uri, text, checked, finding, diagnostic)
    whole = ls.session.fix_all(checked)
    if whole is not None:
        everything = _edit_range(text, 0, len(text))
        actions.append(
            lsp.CodeAction(
                title="pitchlint: fix all safe",
                kind=lsp.CodeActionKind.SourceFixAll,
                edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(range=everything, new_text=whole)]}),
            )
        )
    return actions


def _disable_actions(
    uri: str, text: str, checked: Checked, finding: Finding, diagnostic: lsp.Diagnostic
) -> list[lsp.CodeAction]:
    """Disable comments go where `pitchlint.directives` reads them: on the line above the
    finding, or at the top of the file (until a matching enable, i.e. the whole file)."""
    if not checked.fixable:
        return []
    actions = []
    for scope, line, next_line in (("line", diagnostic.range.start.line, True), ("file", 0, False)):
        at = lsp.Position(line=line, character=0)
        comment = disable_comment(checked.path, text, finding.rule, next_line=next_line)
        insert = lsp.TextEdit(range=lsp.Range(start=at, end=at), new_text=comment + "\n")
        actions.append(
            lsp.CodeAction(
                title=f"Disable {finding.rule} for this {scope}",
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=lsp.WorkspaceEdit(changes={uri: [insert]}),
            )
        )
    return actions


def _hover(session: Session, document: _Document, position: lsp.Position) -> lsp.Hover | None:
    text, checked = document.text, document.checked
    at = lsp.Range(start=position, end=position)
    for report in checked.reports:
        for finding in report.findings:
            if not _overlaps(text, finding, checked, at):
                continue
            doc = session.rule_doc(checked.config, finding.rule)
            if doc is not None:
                content = lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=doc)
                return lsp.Hover(contents=content, range=_range(text, finding, checked))
    for report in checked.reports:
        line, _col = report.draft.line_col(0)
        if position.line == line - 1:
            return lsp.Hover(
                contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=_score_text(report))
            )
    return None


def _score_text(report) -> str:  # type: ignore[no-untyped-def]
    score = report.score
    worst = ", ".join(f"{p.rule} -{p.points:g}" for p in score.breakdown[:3])
    return f"pitchlint: {score.value}/100 {score.grade}" + (f" ({worst})" if worst else "")


def _score_hint(document: _Document, report) -> lsp.InlayHint:  # type: ignore[no-untyped-def]
    line, _col = report.draft.line_col(0)
    lines = document.text.splitlines() or [""]
    row = min(line - 1, len(lines) - 1)
    end = lsp.Position(line=row, character=len(lines[row].encode("utf-16-le")) // 2)
    score = report.score
    return lsp.InlayHint(position=end, label=f"  {score.value} {score.grade}", padding_left=True)


def serve_stdio(config_path: Path | None = None) -> None:
    build_server(config_path).start_io()
