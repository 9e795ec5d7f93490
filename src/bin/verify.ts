#!/usr/bin/env node
// partner-center-cart-verify [--format text|json|junit|sarif|github] [--coverage] <file>...: checks recorded
// traffic (HAR, Pact) against the contract shipped in this package. Exit 0 conforms, 1 does not, 2 unusable input.
import { runVerifyCommand } from '../verify/command.js';

runVerifyCommand(process.argv.slice(2)).then(
  ({ stdout, stderr, exitCode }) => {
    if (stderr !== '') process.stderr.write(stderr);
    // Set the code and let Node exit once stdout has drained: process.exit could cut a large report short in a pipe.
    process.exitCode = exitCode;
    process.stdout.write(stdout);
  },
  (error: unknown) => {
    process.stderr.write(`partner-center-cart-verify: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
