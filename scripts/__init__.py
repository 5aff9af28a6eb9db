"""Build scripts of the book: figures and the MkDocs hooks (not part of nnbook)."""
