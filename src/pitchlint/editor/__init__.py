"""pitchlint where emails are written: the language server (`pitchlint server`) and the local
page (`pitchlint serve`), both on `session`, the one way an unsaved draft is checked."""
