"""Serve the ANPR JupyterLab 4 frontend on Debian's jupyter_server + jupyterlab_server.

The Python `jupyterlab` package (not installable here: no PyPI) normally provides the
lab page and a few REST endpoints. This small LabServerApp subclass serves our own
webpack build (lab/build) and adds the shims the JupyterLab 4 frontend expects from a
jupyter_server 2 / jupyterlab 4 backend that Debian 12's jupyter_server 1.23 lacks:

  GET  /api/me                 identity of the (single) user
  WS   /api/events/subscribe   event bus (silent)
  GET  /lab/api/news           {"news": []}            (no fetching from the internet)
  GET  /lab/api/update         {"notification": null}

and it makes jupyterlab_server 2.16 validate settings with JSON Schema Draft 7 (it uses
Draft 4, which ignores `const`, so saving some JupyterLab 4 settings fails with 400).

All paths come from the command line / environment (see scripts/lib/jupyter-env.mjs).
"""

import json
import os

from jsonschema import Draft7Validator
from jupyter_server.base.handlers import APIHandler, JupyterHandler
from jupyterlab_server import LabServerApp
import jupyterlab_server.settings_utils as settings_utils
from tornado import web, websocket
from traitlets import Unicode

HERE = os.path.dirname(os.path.abspath(__file__))
LAB_DIR = os.path.dirname(HERE)
BUILD_DIR = os.environ.get("ANPR_LAB_BUILD") or os.path.join(LAB_DIR, "build")

# JupyterLab 4 settings schemas use Draft 7 keywords (`const`).
settings_utils.Validator = Draft7Validator

with open(os.path.join(LAB_DIR, "package.json"), encoding="utf-8") as fid:
    VERSION = json.load(fid)["version"]


class MeHandler(APIHandler):
    """What jupyter_server 2 answers at /api/me: who the user is and what they may do."""

    @web.authenticated
    def get(self):
        user = os.environ.get("ANPR_OPERATOR") or "analyst"
        self.finish(json.dumps({
            "identity": {"username": user, "name": user, "display_name": user,
                         "initials": user[:2].upper(), "avatar_url": None, "color": None},
            "permissions": {},
        }))


class SilentEventsHandler(JupyterHandler, websocket.WebSocketHandler):
    """The frontend subscribes to the server's event bus; we have no events to send."""

    def get(self, *args, **kwargs):
        if self.current_user is None:
            raise web.HTTPError(403)
        return websocket.WebSocketHandler.get(self, *args, **kwargs)

    def on_message(self, message):
        pass


class NewsHandler(APIHandler):
    @web.authenticated
    def get(self):
        self.finish(json.dumps({"news": []}))


class UpdateHandler(APIHandler):
    @web.authenticated
    def get(self):
        self.finish(json.dumps({"notification": None}))


class AnprLabApp(LabServerApp):
    name = "anpr_lab"
    extension_url = "/lab"
    default_url = "/lab"
    load_other_extensions = False
    app_name = "ANPR Find & Profile"
    app_version = VERSION
    static_dir = BUILD_DIR
    schemas_dir = os.path.join(BUILD_DIR, "schemas")
    themes_dir = os.path.join(BUILD_DIR, "themes")
    # Our defaults for JupyterLab settings (overrides.json): offline, no news pop-up.
    app_settings_dir = os.path.join(LAB_DIR, "settings")
    templates_dir = os.path.join(LAB_DIR, "templates")
    state_dir = Unicode(os.environ.get("ANPR_LAB_STATE", os.path.join(LAB_DIR, "..", ".jupyter-local", "lab"))).tag(config=True)

    def initialize_settings(self):
        self.user_settings_dir = os.path.join(self.state_dir, "user-settings")
        self.workspaces_dir = os.path.join(self.state_dir, "workspaces")
        os.makedirs(self.user_settings_dir, exist_ok=True)
        os.makedirs(self.workspaces_dir, exist_ok=True)
        super().initialize_settings()
        settings = self.serverapp.web_app.settings
        settings["terminals_available"] = False
        if os.environ.get("ANPR_LAB_EXPOSE_APP") == "1":
            settings.setdefault("page_config_data", {})["exposeAppInBrowser"] = "true"


    def initialize_handlers(self):
        self.handlers.extend([
            ("/api/me", MeHandler),
            ("/api/events/subscribe", SilentEventsHandler),
            ("/lab/api/news", NewsHandler),
            ("/lab/api/update", UpdateHandler),
        ])
        super().initialize_handlers()


def _jupyter_server_extension_points():
    return [{"module": __name__, "app": AnprLabApp}]


if __name__ == "__main__":
    AnprLabApp.launch_instance()
