'use strict';

const express = require('express');
const fs = require('fs');
const path = require('path');
const bodyParser = require('body-parser');
const db = require('./db');

const app = express();
app.use(bodyParser.json());

function readTemplate(name, callback) {
  fs.readFile(path.join(__dirname, 'templates', name), 'utf8', function (err, text) {
    if (err) return callback(err);
    callback(null, text);
  });
}

function loadSettings(done) {
  // hh-expect: swallowed-exception/ignoredCallbackError
  fs.readFile('./settings.json', 'utf8', function (err, text) {
    done(null, JSON.parse(text || '{}'));
  });
}

app.get('/page/:name', function (req, res, next) {
  readTemplate(req.params.name + '.html', function (err, html) {
    if (err) return next(err);
    res.send(html);
  });
});

app.get('/report', function (req, res) {
  db.query('select * from report', function (err, rows) {
    if (err) {
      res.status(500).send('report failed');
      return;
    }
    res.json(rows);
  });
});

app.get('/stats', function (req, res) {
  // hh-expect: swallowed-exception/ignoredCallbackError
  db.query('select count(*) as n from hits', function (err, rows) {
    if (err) return;
    res.json(rows[0]);
  });
});

app.post('/upload', function (req, res, next) {
  const tmp = path.join('/tmp', String(Date.now()));
  fs.writeFile(tmp, req.body.data, function (err) {
    if (err) return next(err);
    // hh-expect: swallowed-exception/noopCallback
    fs.unlink(tmp, function () {});
    res.status(201).end();
  });
});

app.post('/import', function (req, res) {
  let rows;
  try {
    rows = JSON.parse(req.body.csvJson);
  } catch (e) {
    return res.status(400).send('Invalid JSON');
  }
  db.insertMany(rows, function (err) {
    if (err) {
      console.error(err);
      return res.status(500).end();
    }
    res.status(201).end();
  });
});

app.get('/legacy', function (req, res) {
  try {
    res.json(db.legacySync());
  // hh-expect: swallowed-exception/logAndContinue
  } catch (e) {
    console.error('legacy failed');
    res.json([]);
  }
});

app.get('/cleanup', function (req, res) {
  // hh-expect: swallowed-exception/noopCallback
  fs.rm('/tmp/cache', { recursive: true, force: true }, () => {});
  res.end();
});

const server = app.listen(3000, function () {
  console.log('listening');
});

// hh-expect: swallowed-exception/emptyErrorHandler
server.on('error', function () {});

process.on('uncaughtException', function (err) {
  console.error('uncaught', err);
  process.exit(1);
});

module.exports = { app, loadSettings };
