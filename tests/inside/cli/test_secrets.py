"""What a server is exec'd with (ado_do.secrets.server_environment): never the
setup's secrets, and in production never the superuser's connection."""
import click
import pytest

from ado_do import secrets


@pytest.fixture
def production(monkeypatch):
    monkeypatch.setenv('ENVIRONMENT', 'production')
    monkeypatch.setenv('POSTGRES_PASSWORD', 'super-secret')
    monkeypatch.setenv('TRYTONPASSFILE', '/run/secrets/tryton_admin_password')
    return monkeypatch


def test_a_server_never_sees_the_setups_secrets(production):
    production.setenv('TRYTOND_DATABASE__URI', 'postgresql://ado_portal:role-secret@db:5432/')
    env = secrets.server_environment()
    assert env['TRYTOND_DATABASE__URI'].startswith('postgresql://ado_portal:')
    assert 'POSTGRES_PASSWORD' not in env and 'TRYTONPASSFILE' not in env


def test_production_refuses_a_server_connecting_as_the_superuser(production):
    production.setenv('TRYTOND_DATABASE__URI', 'postgresql://postgres:super-secret@db:5432/')
    with pytest.raises(click.ClickException, match='superuser'):
        secrets.server_environment()
