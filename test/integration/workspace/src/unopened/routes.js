// Never opened by the host tests: the workspace audit must still report it.
const express = require("express");

const app = express();
app.post("/users", (req, res) => {
  db.query({ name: req.body.name }).then((rows) => res.json(rows));
});
