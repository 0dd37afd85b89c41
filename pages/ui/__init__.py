"""Streamlit helpers shared by the page scripts: the app shell run by app.py before every page
(``shell``: sidebar, sign-in, page context; ``router``: deep links on a fresh server; ``errors``:
the page boundary), cached data access and view helpers (``common``), escaping of user text
(``markup``) and the scenario store (``scenarios_repo``)."""
