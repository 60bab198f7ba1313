#!/usr/bin/env node
'use strict';

const { execSync, exec } = require('child_process');
const fs = require('fs');

function currentBranch() {
  try {
    return execSync('git rev-parse --abbrev-ref HEAD').toString().trim();
  // hh-expect: swallowed-exception/catchReturnsDefault
  } catch (e) {
    return 'main';
  }
}

function hasGh() {
  try {
    execSync('gh --version', { stdio: 'ignore' });
    return true;
  } catch (e) {
    return false;
  }
}

function bumpVersion(kind) {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
  const [major, minor, patch] = pkg.version.split('.').map(Number);
  pkg.version = kind === 'major' ? `${major + 1}.0.0` : kind === 'minor' ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
  fs.writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
  return pkg.version;
}

function publish(version) {
  try {
    execSync(`npm publish --tag ${version.includes('-') ? 'next' : 'latest'}`, { stdio: 'inherit' });
  } catch (err) {
    console.error('publish failed');
    process.exitCode = 1;
  }
}

function notifySlack(version) {
  // hh-expect: swallowed-exception/noopCallback
  exec(`curl -s -X POST "$SLACK_HOOK" -d "released ${version}"`, () => {});
}

function writeChangelog(version) {
  // hh-expect: swallowed-exception/ignoredCallbackError
  fs.appendFile('CHANGELOG.md', `\n## ${version}\n`, (err) => {
    console.log('changelog updated');
  });
}

function tagRelease(version) {
  exec(`git tag v${version} && git push --tags`, (error, stdout) => {
    if (error) {
      console.error(`tagging failed: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    console.log(stdout);
  });
}

function run() {
  const kind = process.argv[2] || 'patch';
  if (currentBranch() !== 'main') {
    console.error('release from main only');
    process.exit(1);
  }
  const version = bumpVersion(kind);
  publish(version);
  tagRelease(version);
  writeChangelog(version);
  notifySlack(version);
  if (hasGh()) {
    try {
      execSync(`gh release create v${version} --generate-notes`, { stdio: 'inherit' });
    // hh-expect: swallowed-exception/logAndContinue
    } catch (err) {
      console.warn('gh release failed, create it by hand');
    }
  }
}

try {
  run();
} catch (err) {
  console.error(err);
  process.exit(1);
}
