"""Performance-target tracking engine (no UI code): targets, actuals, progress, forecasts, scenarios."""
