#!/usr/bin/env bash
# Runs the whole test suite (Release) and ends with one line 'tests: N passed, N failed, N skipped'.
# Tests that need ../shared (real annotations, golden toolkit outputs) skip with a message when it is absent.
# Each failing test is listed again just before that line: its full name, its assertion message and where it failed.
# No test asserts a duration or a rate (speed figures are measured by bench/, see the README), so the suite must
# pass on a busy machine.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
# The console logger at normal verbosity is the one that prints a failure's message; the passing tests it also lists
# (and their output) are kept out of the screen, but stay in the log that the summary below is read from.
dotnet test ReasonTrack.slnx -c Release --nologo -v q --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" | awk '
    /^  Passed / { quiet = 1; next }
    /^  (Failed|Skipped) / || /^[^ ]/ { quiet = 0 }
    !quiet { print }'
rc=${PIPESTATUS[0]}
# Totals: one block per test assembly ("Total tests: N" then " Passed: N", " Failed: N", " Skipped: N").
read -r found passed failed skipped < <(awk '
    /^Total tests: [0-9]+/ { found = 1 }
    /^ +Passed: +[0-9]+ *$/  { p += $2 }
    /^ +Failed: +[0-9]+ *$/  { f += $2 }
    /^ +Skipped: +[0-9]+ *$/ { s += $2 }
    END { print found + 0, p + 0, f + 0, s + 0 }' "$log")
if [ "$failed" -gt 0 ]; then
    echo
    echo "failed tests (name, message, where):"
    # Each block from "  Failed NAME [time]" through its message and the first two lines of its stack trace.
    tr -d '\r' < "$log" | awk '
        /^  Failed [^ ]/ { inblock = 1; stack = -1; print ""; print "  FAILED " substr($0, 10); next }
        inblock && (/^  (Passed|Failed|Skipped) / || /^[^ \[]/ && !/^(Additional Info|Expected|Actual)/ && stack >= 0) { inblock = 0 }
        inblock && /^  Stack Trace:/ { stack = 0; next }
        inblock && /^  (Standard Output|Standard Error) Messages:/ { inblock = 0; next }
        inblock && /^  Error Message:/ { next }
        inblock && stack >= 0 { if (stack++ < 2) print "    " $0; next }
        inblock { print "    " $0 }'
fi
rm -f "$log"
if [ "$found" -eq 0 ]; then echo "tests: no test summary found (build failed?)"; exit 1; fi
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "the test run exited with code $rc although no test failed: the test process crashed or a test host error occurred (see the lines above)"
fi
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit $rc
