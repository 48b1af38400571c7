"""ado-do: set up and maintain the ado services from inside their containers."""
