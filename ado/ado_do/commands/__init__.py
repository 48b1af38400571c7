"""One module per ado-do command; each defines `command`."""
