"""The only package that imports telegram: answer composition, handlers, the Application, the CLI."""
