// Written by `npm run schema` from the schema's defaults (what the validator fills into an empty config); do not edit.
// resolveConfig(null) returns it without compiling the schema; test/policy/config.test.ts checks it is current.
export const CONFIG_DEFAULTS = {
  "mode": "warn",
  "limit": "L",
  "thresholds": {
    "XS": 10,
    "S": 30,
    "M": 100,
    "L": 500,
    "XL": 1000,
    "files": {
      "XS": 5,
      "S": 10,
      "M": 30,
      "L": 100,
      "XL": 300
    }
  },
  "weights": {
    "moved": 0.1,
    "whitespace": 0.5,
    "paths": []
  },
  "deletionWeight": 1,
  "exclude": [],
  "branches": [],
  "drafts": "report",
  "bots": "report",
  "labels": {
    "enabled": true,
    "prefix": "size/"
  },
  "migration": {
    "packs": [
      "python3"
    ],
    "custom": [],
    "mixedTolerance": 0.1,
    "regressions": "default",
    "python3": {
      "enable": [],
      "disable": []
    },
    "done": [],
    "labels": {
      "migration": "migration",
      "mixed": "mixed-change"
    }
  },
  "dependencies": {
    "enabled": true,
    "allow": [],
    "unsupported": "default",
    "maxLookups": 25,
    "timeoutSeconds": 5
  },
  "schemaMigrations": {
    "presets": [
      "django",
      "alembic",
      "rails",
      "prisma",
      "flyway",
      "liquibase",
      "knex",
      "typeorm"
    ],
    "alone": true,
    "tolerance": 0,
    "conclusion": "default"
  },
  "accept": {
    "permission": "write",
    "allowAuthor": false
  },
  "comments": {
    "sticky": "auto"
  },
  "push": {
    "enabled": true,
    "branches": [],
    "maxCommits": 20
  },
  "fixes": {
    "target": "compatible",
    "suggestions": "command",
    "maxSuggestions": 20
  },
  "dashboard": {
    "enabled": false,
    "title": "small-steps: migration dashboard",
    "minIntervalMinutes": 10,
    "maxBytes": 209715200,
    "depth": 1,
    "importNames": {}
  },
  "campaign": {
    "enabled": false,
    "maxFiles": 30,
    "maxOpen": 3,
    "perHour": 2,
    "automatic": false,
    "verifiedCommits": false
  }
} as const;
