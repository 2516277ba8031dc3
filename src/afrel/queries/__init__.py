"""Pure queries over a Dataset: each takes the data and the user's choices and returns records; none prints."""
