"""Pure computation for the AI energy dashboard: numpy and pandas only, no UI."""
