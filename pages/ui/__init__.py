"""Streamlit helpers shared by the page scripts (sidebar, sign-in, cached data access)."""
