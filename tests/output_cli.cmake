# SPDX-License-Identifier: Apache-2.0
# `hrnews convert -o OUT`: the output is written to a new temporary file next
# to OUT (OUT.XXXXXX, never a fixed name such as OUT.part that may be someone
# else's) and put in OUT's place when complete; a symbolic link OUT stays a
# link and the file it leads to is replaced; a failing conversion changes
# nothing. Uses hrnews_cli_test() from tests/cli.cmake.
if(NOT COMMAND hrnews_cli_test)
  return()
endif()

set(HRNEWS_OUTPUT_HELPERS [==[
  # expect_text(FILE TEXT): FILE holds exactly TEXT.
  function(expect_text file text)
    file(READ "${file}" got)
    if(NOT got STREQUAL text)
      message(FATAL_ERROR "${file} holds \"${got}\", not \"${text}\"")
    endif()
  endfunction()
  # expect_no_temporary(PATTERN...): no file matches any PATTERN (file(GLOB)).
  function(expect_no_temporary)
    file(GLOB left ${ARGN})
    if(left)
      message(FATAL_ERROR "temporary files left behind: ${left}")
    endif()
  endfunction()
  cli(ARGS convert small.json --to json STDOUT_TO "${WORK}/expected.json")
  cli(ARGS convert small.json --to jsonl STDOUT_TO "${WORK}/expected.jsonl")
]==])

set(HRNEWS_OUTPUT_BODY [==[
  # A file named OUT.part is not the program's: it stays as it was.
  file(WRITE "${WORK}/out.json.part" "mine\n")
  file(WRITE "${WORK}/out.json" "an earlier output\n")
  cli(ARGS convert small.json --to json -o "${WORK}/out.json")
  expect_same_file("${WORK}/out.json" "${WORK}/expected.json")
  expect_text("${WORK}/out.json.part" "mine\n")
  expect_no_temporary("${WORK}/out.json.??????")
  # A failing conversion keeps the earlier output and leaves no temporary file.
  file(WRITE "${WORK}/out.json" "an earlier output\n")
  cli(ARGS convert small.json truncated.json --to json -o "${WORK}/out.json" EXIT 1
      STDERR "truncated.json:35:25: error: json: syntax error: invalid string: missing closing quote\n")
  expect_text("${WORK}/out.json" "an earlier output\n")
  expect_no_temporary("${WORK}/out.json.??????")
  # The same for one JSON Lines file streamed to JSON Lines.
  file(WRITE "${WORK}/out.jsonl.part" "mine\n")
  cli(ARGS convert "${WORK}/expected.jsonl" --to jsonl -o "${WORK}/out.jsonl")
  expect_same_file("${WORK}/out.jsonl" "${WORK}/expected.jsonl")
  expect_text("${WORK}/out.jsonl.part" "mine\n")
  expect_no_temporary("${WORK}/out.jsonl.??????")
  # A new output gets the permissions of any new file: 0666 less the umask
  # (not the 0600 of a private temporary file).
  foreach(name IN ITEMS new.json new.jsonl)
    get_filename_component(ext "${name}" LAST_EXT)
    string(SUBSTRING "${ext}" 1 -1 format)
    execute_process(COMMAND sh -c "umask 027 && exec \"$0\" convert \"$1\" --to $2 -o \"$3\""
                            "${HRNEWS}" "${WORK}/expected.${format}" ${format} "${WORK}/${name}"
                    RESULT_VARIABLE rc)
    execute_process(COMMAND stat -c %a "${WORK}/${name}" OUTPUT_VARIABLE mode OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT rc EQUAL 0 OR NOT mode STREQUAL "640")
      message(FATAL_ERROR "${name}: exit ${rc}, mode ${mode} instead of 640 under umask 027")
    endif()
  endforeach()
  # An output folder that does not exist: the message names OUT.
  cli(ARGS convert small.json --to json -o "${WORK}/missing/out.json" EXIT 1
      STDERR "${WORK}/missing/out.json: error: cannot write file: No such file or directory\n")
]==])
hrnews_cli_test(output_replaces_file "${HRNEWS_OUTPUT_HELPERS}${HRNEWS_OUTPUT_BODY}")

set(HRNEWS_OUTPUT_BODY [==[
  # A link with a relative target, to a file in another folder: the link
  # stays, its file gets the output, and the temporary file was made there.
  file(MAKE_DIRECTORY "${WORK}/real")
  file(WRITE "${WORK}/real/target.json" "an earlier output\n")
  file(CREATE_LINK "real/target.json" "${WORK}/link.json" SYMBOLIC)
  cli(ARGS convert small.json --to json -o "${WORK}/link.json")
  if(NOT IS_SYMLINK "${WORK}/link.json")
    message(FATAL_ERROR "link.json was replaced by a regular file")
  endif()
  expect_same_file("${WORK}/real/target.json" "${WORK}/expected.json")
  expect_no_temporary("${WORK}/real/target.json.??????" "${WORK}/link.json.??????")
  # A chain of links ending nowhere: the file is made where the chain ends.
  file(CREATE_LINK "${WORK}/real/new.jsonl" "${WORK}/dangling" SYMBOLIC)
  file(CREATE_LINK "dangling" "${WORK}/chain" SYMBOLIC)
  cli(ARGS convert small.json --to jsonl -o "${WORK}/chain")
  if(NOT IS_SYMLINK "${WORK}/chain" OR NOT IS_SYMLINK "${WORK}/dangling")
    message(FATAL_ERROR "a link of the chain was replaced")
  endif()
  expect_same_file("${WORK}/real/new.jsonl" "${WORK}/expected.jsonl")
  # One JSON Lines file streamed to JSON Lines, through a link.
  file(CREATE_LINK "real/copy.jsonl" "${WORK}/copy-link" SYMBOLIC)
  cli(ARGS convert "${WORK}/real/new.jsonl" --to jsonl -o "${WORK}/copy-link")
  if(NOT IS_SYMLINK "${WORK}/copy-link")
    message(FATAL_ERROR "copy-link was replaced by a regular file")
  endif()
  expect_same_file("${WORK}/real/copy.jsonl" "${WORK}/expected.jsonl")
  expect_no_temporary("${WORK}/real/*.??????" "${WORK}/*.??????")
  # Links in a loop: nothing to write to.
  file(CREATE_LINK "loop-b" "${WORK}/loop-a" SYMBOLIC)
  file(CREATE_LINK "loop-a" "${WORK}/loop-b" SYMBOLIC)
  cli(ARGS convert small.json --to json -o "${WORK}/loop-a" EXIT 1
      STDERR "${WORK}/loop-a: error: cannot write file: Too many levels of symbolic links\n")
  cli(ARGS convert "${WORK}/real/new.jsonl" --to jsonl -o "${WORK}/loop-a" EXIT 1
      STDERR "${WORK}/loop-a: error: cannot write file: Too many levels of symbolic links\n")
]==])
hrnews_cli_test(output_keeps_symlink "${HRNEWS_OUTPUT_HELPERS}${HRNEWS_OUTPUT_BODY}")

set(HRNEWS_OUTPUT_BODY [==[
  # One JSON Lines file streamed to JSON Lines (records written as they are
  # read): an input that fails half-way keeps the earlier output and leaves no
  # temporary file; an output that cannot take the bytes says why.
  file(READ "${WORK}/expected.jsonl" records)
  file(WRITE "${WORK}/bad.jsonl" "${records}{bad\n")
  file(WRITE "${WORK}/out.jsonl" "an earlier output\n")
  cli(ARGS convert "${WORK}/bad.jsonl" --to jsonl -o "${WORK}/out.jsonl" EXIT 1
      STDERR_MATCHES "^[^\n]*bad\\.jsonl:[0-9]+:2: error: jsonl: syntax error: invalid literal\n$")
  expect_text("${WORK}/out.jsonl" "an earlier output\n")
  expect_no_temporary("${WORK}/out.jsonl.??????")
  if(EXISTS /dev/full)
    cli(ARGS convert "${WORK}/expected.jsonl" --to jsonl -o /dev/full EXIT 1
        STDERR "/dev/full: error: cannot write file: No space left on device\n")
  endif()
]==])
hrnews_cli_test(output_streamed_jsonl "${HRNEWS_OUTPUT_HELPERS}${HRNEWS_OUTPUT_BODY}")

set(HRNEWS_OUTPUT_BODY [==[
  # One JSON Lines input that is a named pipe, converted to JSON Lines without
  # --from: the format is not sniffed from the pipe (that would take its first
  # bytes from the reader after it), so the output is that of the same bytes
  # in a regular file.
  # The seed collection as JSON Lines: far more than one 8 KiB sniff.
  execute_process(COMMAND "${HRNEWS}" convert "${SOURCE_DIR}/tests/data/seed/omct-2015-11-plain.rss" --to jsonl
                  OUTPUT_FILE "${WORK}/many.jsonl" ERROR_QUIET RESULT_VARIABLE rc)
  file(SIZE "${WORK}/many.jsonl" size)
  if(NOT rc EQUAL 0 OR size LESS 16384)
    message(FATAL_ERROR "the seed as JSON Lines: exit code ${rc}, ${size} bytes")
  endif()
  set(pipe "${WORK}/pipe.jsonl")
  through_pipe("${WORK}/many.jsonl" "${pipe}" pipe codes convert "${pipe}" --to jsonl)
  if(codes STREQUAL "done")
    # The same bytes under the same name, now a regular file.
    file(REMOVE "${pipe}")
    file(RENAME "${WORK}/many.jsonl" "${pipe}")
    execute_process(COMMAND "${HRNEWS}" convert "${pipe}" --to jsonl
                    WORKING_DIRECTORY "${DATA}" OUTPUT_FILE "${WORK}/file.stdout" ERROR_FILE "${WORK}/file.stderr"
                    RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "the regular file: exit code ${rc}")
    endif()
    expect_same_file("${WORK}/pipe.stdout" "${WORK}/file.stdout")
    file(SIZE "${WORK}/file.stdout" size)
    if(size LESS 16384)
      message(FATAL_ERROR "the converted records are only ${size} bytes")
    endif()
    # The same report on stderr: the pipe is read whole, the regular file record
    # by record, and both say the diagnostics the input carries (the seed's
    # derived identifiers and inferred languages), in the input's order.
    expect_same_file("${WORK}/pipe.stderr" "${WORK}/file.stderr")
    file(STRINGS "${WORK}/file.stderr" derived REGEX "^[^\n]*pipe\\.jsonl: info: /items/[0-9]+: item has no id; using \"[^\"]+\" \\[id-derived\\]$")
    list(LENGTH derived count)
    if(count LESS 10)
      message(FATAL_ERROR "the regular file's stderr names ${count} derived identifiers, not the seed's")
    endif()
    # And the same as one JSON object per line (--diagnostics json).
    file(RENAME "${pipe}" "${WORK}/many.jsonl")
    through_pipe("${WORK}/many.jsonl" "${pipe}" json_pipe codes --diagnostics json convert "${pipe}" --to jsonl)
    file(REMOVE "${pipe}")
    file(RENAME "${WORK}/many.jsonl" "${pipe}")
    execute_process(COMMAND "${HRNEWS}" --diagnostics json convert "${pipe}" --to jsonl
                    WORKING_DIRECTORY "${DATA}" OUTPUT_FILE "${WORK}/json_file.stdout"
                    ERROR_FILE "${WORK}/json_file.stderr" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "the regular file, --diagnostics json: exit code ${rc}")
    endif()
    expect_same_file("${WORK}/json_pipe.stderr" "${WORK}/json_file.stderr")
    expect_same_file("${WORK}/json_pipe.stdout" "${WORK}/file.stdout")
  endif()
]==])
hrnews_cli_test(output_jsonl_from_pipe "${HRNEWS_OUTPUT_HELPERS}${HRNEWS_OUTPUT_BODY}")
