"""The overdracht web app (Django): the outermost room, beside the CLI; it uses the library."""
