// Never opened by the host tests: the workspace audit must still report it.
const express = require("express");

const app = express();
app.post("/users", (req, res) => {
  res.json({ name: req.body.name });
});
