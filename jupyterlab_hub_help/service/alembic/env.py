"""Alembic's entry point for the hub help service's migrations.

The service runs them itself at start (``store.upgrade``), handing over an
open connection in ``config.attributes["connection"]``; without one (the
``alembic`` command with a config naming ``sqlalchemy.url``) a connection is
made from the URL.
"""

from alembic import context
from sqlalchemy import engine_from_config, pool

VERSION_TABLE = "hub_help_alembic_version"

config = context.config


def run_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        literal_binds=True,
        version_table=VERSION_TABLE,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_with(connection) -> None:
    # Batch mode lets a later migration alter a table on SQLite too.
    context.configure(connection=connection, version_table=VERSION_TABLE, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_with(connection)
        return
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.begin() as connection:
        run_with(connection)


if context.is_offline_mode():
    run_offline()
else:
    run_online()
