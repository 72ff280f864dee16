"""``python -m jupyterlab_hub_help.service``: run the community help service."""

from .app import main

if __name__ == "__main__":
    main()
