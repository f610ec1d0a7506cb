#!/usr/bin/env node
// Post-processing of trunk's dist/ (placeholder for the static first paint and boot module).
