"""The host scripts' logic: ./update, ./show_external_urls, ./monitor, ./run-tests."""
