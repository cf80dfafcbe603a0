"""Everything that knows MkDocs and Material: the per-event work, navigation, page context,
CSP and checks of the rendered HTML."""
