"""ANPR Find & Profile widgets for JupyterLab 4: the prebuilt labextension @anpr/jupyterlab-ext.

The extension itself is data: share/jupyter/labextensions/@anpr/jupyterlab-ext/ in the
environment this package is installed into, where JupyterLab (jupyterlab_server) finds it.
Nothing here runs at import time.
"""

__version__ = "@VERSION@"


def _jupyter_labextension_paths():
    return [{"src": "labextension", "dest": "@anpr/jupyterlab-ext"}]
