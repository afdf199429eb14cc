# SPDX-License-Identifier: Apache-2.0
# `--jobs N` changes how fast, never what: convert (every writable format, to
# stdout and to a file), validate and stats give the same exit status, stdout
# and stderr with --jobs 1, 2 and 5, also when an input fails or a later input
# adds top-level members to a JSON Lines header. Uses hrnews_cli_test() from
# tests/cli.cmake (modules are included in name order).
if(NOT COMMAND hrnews_cli_test)
  return()
endif()

set(HRNEWS_JOBS_HELPERS [==[
  set(T "${SOURCE_DIR}/tests/data")
  # Inputs of every kind: canonical JSON and JSON Lines (with top-level
  # members in later inputs), RSS, Atom and JSON Feed, with diagnostics.
  set(INPUTS small.json "${T}/rss/rss-2.0.xml" "${T}/atom/full-1.0.atom" warnings.json
      "${T}/jobs/members.jsonl" "${T}/rss/bad-dates.xml" "${T}/jsonfeed/feed-1.1.json"
      "${T}/jobs/members.json" more.json "${T}/atom/bad-dates.atom" "${T}/rss/hr-extension.xml")

  # same_with_jobs(NAME EXIT CODE ARGS...): runs `hrnews ARGS... --jobs N` for
  # N = 1, 2 and 5; each run must exit with CODE and write the same stdout,
  # stderr and (with -o) output file as the run with --jobs 1.
  function(same_with_jobs name code)
    set(args ${ARGN})
    set(out_option "")
    list(FIND args -o at)
    if(at GREATER -1)
      math(EXPR at "${at} + 1")
      list(GET args ${at} out_option)
    endif()
    foreach(jobs 1 2 5)
      if(out_option)
        file(REMOVE "${out_option}")
      endif()
      execute_process(COMMAND "${HRNEWS}" ${args} --jobs ${jobs}
                      WORKING_DIRECTORY "${DATA}"
                      OUTPUT_FILE "${WORK}/${name}.${jobs}.stdout"
                      ERROR_FILE "${WORK}/${name}.${jobs}.stderr"
                      RESULT_VARIABLE rc)
      if(NOT rc STREQUAL code)
        file(READ "${WORK}/${name}.${jobs}.stderr" err)
        message(FATAL_ERROR "${name}: --jobs ${jobs} exited with ${rc}, not ${code}:\n${err}")
      endif()
      set(kept "${WORK}/${name}.${jobs}.stdout" "${WORK}/${name}.${jobs}.stderr")
      if(out_option)
        if(EXISTS "${out_option}")
          file(RENAME "${out_option}" "${WORK}/${name}.${jobs}.file")
        else()
          file(WRITE "${WORK}/${name}.${jobs}.file" "(no file)")
        endif()
        list(APPEND kept "${WORK}/${name}.${jobs}.file")
        file(GLOB left "${out_option}.??????")
        if(left)
          message(FATAL_ERROR "${name}: --jobs ${jobs} left ${left} behind")
        endif()
      endif()
      if(NOT jobs EQUAL 1)
        foreach(file IN LISTS kept)
          string(REPLACE ".${jobs}." ".1." first "${file}")
          file(SHA256 "${file}" got)
          file(SHA256 "${first}" want)
          if(NOT got STREQUAL want)
            file(READ "${file}" got_text LIMIT 2000)
            file(READ "${first}" want_text LIMIT 2000)
            message(FATAL_ERROR "${name}: --jobs ${jobs} differs from --jobs 1 in ${file}:\n"
                                "--jobs 1:\n${want_text}\n--jobs ${jobs}:\n${got_text}")
          endif()
        endforeach()
      endif()
    endforeach()
  endfunction()

  # expect_size(FILE OP BYTES): FILE's size compared with BYTES (so that equal outputs are not both empty).
  function(expect_size file op bytes)
    file(SIZE "${file}" size)
    if(NOT size ${op} bytes)
      message(FATAL_ERROR "${file}: ${size} bytes, expected ${op} ${bytes}")
    endif()
  endfunction()
]==])

set(HRNEWS_JOBS_BODY [==[
  foreach(format IN ITEMS json jsonl rss atom jsonfeed xml ninjs jsonld boost-text)
    same_with_jobs(stdout-${format} 0 convert ${INPUTS} --to ${format})
    expect_size("${WORK}/stdout-${format}.1.stdout" GREATER 1000)
    expect_size("${WORK}/stdout-${format}.1.stderr" GREATER 100)
    same_with_jobs(file-${format} 0 convert ${INPUTS} --to ${format} -o "${WORK}/out.${format}")
    expect_size("${WORK}/file-${format}.1.stdout" EQUAL 0)
    expect_same_file("${WORK}/file-${format}.1.file" "${WORK}/stdout-${format}.1.stdout")
  endforeach()
  # The header of the JSON Lines output holds the top-level members of every input.
  file(STRINGS "${WORK}/stdout-jsonl.2.stdout" lines LIMIT_COUNT 1)
  if(NOT lines MATCHES "\"x-batch\":\"ignored: the first input has it\",\"x-source\":\"jobs fixture\"}$")
    message(FATAL_ERROR "the JSON Lines header lacks the later inputs' members: ${lines}")
  endif()
  # One input, and stdin among the inputs.
  same_with_jobs(one 0 convert "${T}/rss/rss-2.0.xml" --to json)
  expect_size("${WORK}/one.1.stdout" GREATER 1000)
  execute_process(COMMAND "${HRNEWS}" convert small.json - more.json --to jsonl --jobs 2 WORKING_DIRECTORY "${DATA}"
                  INPUT_FILE "${T}/jobs/members.json" OUTPUT_FILE "${WORK}/stdin.2" RESULT_VARIABLE rc)
  execute_process(COMMAND "${HRNEWS}" convert small.json "${T}/jobs/members.json" more.json --to jsonl
                  WORKING_DIRECTORY "${DATA}" OUTPUT_FILE "${WORK}/stdin.1")
  expect_same_file("${WORK}/stdin.2" "${WORK}/stdin.1")
]==])
hrnews_cli_test(jobs_convert_same_output "${HRNEWS_JOBS_HELPERS}${HRNEWS_JOBS_BODY}")
set_tests_properties(cli.jobs_convert_same_output PROPERTIES TIMEOUT 300)

set(HRNEWS_JOBS_BODY [==[
  # A failing input: no output file, the same messages. JSON Lines from
  # several inputs reach stdout only at the end (the header line gathers the
  # top-level members of every input): nothing there either.
  same_with_jobs(bad-stdout 1 convert ${INPUTS} truncated.json missing.json --to jsonl)
  expect_size("${WORK}/bad-stdout.1.stdout" EQUAL 0)
  file(READ "${WORK}/bad-stdout.2.stderr" err)
  if(NOT err STREQUAL "truncated.json:35:25: error: json: syntax error: invalid string: missing closing quote\nmissing.json: error: cannot read file: No such file or directory\n")
    message(FATAL_ERROR "unexpected messages for failing inputs:\n${err}")
  endif()
  # JSON reaches stdout input after input, as each is read: a failing input
  # ends it after the items of the inputs before it, the start of what those
  # inputs alone make.
  same_with_jobs(bad-stdout-json 1 convert small.json more.json truncated.json warnings.json --to json)
  same_with_jobs(good-stdout-json 0 convert small.json more.json --to json)
  file(READ "${WORK}/bad-stdout-json.1.stdout" partial)
  file(READ "${WORK}/good-stdout-json.1.stdout" whole)
  string(LENGTH "${partial}" partial_length)
  string(LENGTH "${whole}" whole_length)
  string(FIND "${whole}" "${partial}" at)
  if(NOT at EQUAL 0 OR partial_length LESS 1000 OR NOT partial_length LESS whole_length)
    message(FATAL_ERROR "stdout of a conversion with a failing input is not the start of the output "
                        "of the inputs before it (${partial_length} of ${whole_length} bytes)")
  endif()
  file(READ "${WORK}/bad-stdout-json.5.stderr" err)
  if(NOT err STREQUAL "truncated.json:35:25: error: json: syntax error: invalid string: missing closing quote\n")
    message(FATAL_ERROR "unexpected messages for a failing input with JSON on stdout:\n${err}")
  endif()
  file(WRITE "${WORK}/kept.json" "an earlier output\n")
  same_with_jobs(bad-file 1 convert ${INPUTS} truncated.json --to json -o "${WORK}/kept.json")
  file(READ "${WORK}/bad-file.2.file" text)
  if(NOT text STREQUAL "(no file)")
    message(FATAL_ERROR "a failing conversion left an output file behind")
  endif()
  # An unusable campaigns file: diagnostics first, then its message; no output.
  same_with_jobs(bad-campaigns 1 convert ${INPUTS} --to json --campaigns missing-file.json)
  expect_size("${WORK}/bad-campaigns.1.stdout" EQUAL 0)
  file(READ "${WORK}/bad-campaigns.5.stderr" err)
  if(NOT err MATCHES "warning.*\nmissing-file\\.json: error: cannot read file: No such file or directory\n$")
    message(FATAL_ERROR "unexpected messages for a missing campaigns file:\n${err}")
  endif()
  # An output that cannot be written.
  same_with_jobs(bad-output 1 convert ${INPUTS} --to jsonl -o "${WORK}/no/such/dir/out.jsonl")
  file(READ "${WORK}/bad-output.2.stderr" err)
  if(NOT err MATCHES "\n[^\n]*/no/such/dir/out\\.jsonl: error: cannot write file: No such file or directory\n$")
    message(FATAL_ERROR "unexpected messages for an unwritable output:\n${err}")
  endif()
]==])
hrnews_cli_test(jobs_convert_errors "${HRNEWS_JOBS_HELPERS}${HRNEWS_JOBS_BODY}")

set(HRNEWS_JOBS_BODY [==[
  same_with_jobs(validate 0 validate ${INPUTS})
  expect_size("${WORK}/validate.1.stdout" GREATER 200)
  same_with_jobs(validate-bad 1 validate ${INPUTS} errors.json truncated.json missing.json)
  file(READ "${WORK}/validate-bad.2.stdout" out)
  if(NOT out MATCHES "^small\\.json: ok \\(4 items\\)\n")
    message(FATAL_ERROR "unexpected validate output:\n${out}")
  endif()
  same_with_jobs(validate-strict 1 validate ${INPUTS} --strict)
  same_with_jobs(stats 0 stats ${INPUTS})
  same_with_jobs(stats-json 0 stats ${INPUTS} --json --campaigns merged.json)
  expect_size("${WORK}/stats-json.1.stdout" GREATER 200)
  same_with_jobs(stats-bad 1 stats ${INPUTS} truncated.json)
]==])
hrnews_cli_test(jobs_validate_and_stats "${HRNEWS_JOBS_HELPERS}${HRNEWS_JOBS_BODY}")

set(HRNEWS_JOBS_BODY [==[
  # A feed first: the main thread builds the built-in taxonomy while the
  # workers read (it looks at the first input to know whether reading
  # classifies); nothing else changes.
  same_with_jobs(feed-first 0 convert "${T}/rss/rss-2.0.xml" small.json "${T}/atom/full-1.0.atom" --to jsonl)
  expect_size("${WORK}/feed-first.1.stdout" GREATER 1000)
  same_with_jobs(feed-first-validate 0 validate "${T}/atom/full-1.0.atom" "${T}/rss/rss-2.0.xml")
  # A named pipe first: only its reader takes its bytes (the main thread looks
  # into regular files only), so the output is that of the same bytes in a file.
  # Large enough to be read in many steps: a reader that took bytes from the
  # pipe would take some of these.
  string(REPEAT "<item><title>Torture in detention</title><link>https://www.omct.org/en/a</link><description>The Observatory calls for the release of a defender held without charge.</description></item>\n" 4000 items)
  file(WRITE "${WORK}/big.xml" "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Big</title><link>https://www.omct.org/</link><description>Many items</description>\n${items}</channel></rss>\n")
  set(pipe "${WORK}/first.xml")
  through_pipe("${WORK}/big.xml" "${pipe}" pipe.2 codes convert "${pipe}" "${T}/atom/full-1.0.atom" --to jsonl --jobs 2)
  if(codes STREQUAL "done")
    file(REMOVE "${pipe}")
    file(RENAME "${WORK}/big.xml" "${pipe}")
    execute_process(COMMAND "${HRNEWS}" convert "${pipe}" "${T}/atom/full-1.0.atom" --to jsonl --jobs 1
                    WORKING_DIRECTORY "${DATA}" OUTPUT_FILE "${WORK}/pipe.1.stdout" ERROR_FILE "${WORK}/pipe.1.stderr")
    expect_size("${WORK}/pipe.1.stdout" GREATER 1000)
    expect_same_file("${WORK}/pipe.2.stdout" "${WORK}/pipe.1.stdout")
    expect_same_file("${WORK}/pipe.2.stderr" "${WORK}/pipe.1.stderr")
  endif()
]==])
hrnews_cli_test(jobs_feed_first "${HRNEWS_JOBS_HELPERS}${HRNEWS_JOBS_BODY}")
