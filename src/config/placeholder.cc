// Placeholder so the target has a source until the first real file lands; delete it then.
