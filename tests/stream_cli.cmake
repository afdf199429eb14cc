# SPDX-License-Identifier: Apache-2.0
# `hrnews convert` streams one JSON Lines file to JSON Lines record by record
# (constant memory; bench/ measures it on a 1 GB file). These tests check that
# the streamed output equals the whole-collection output and that a failure
# leaves no partial file behind. Uses hrnews_cli_test() from tests/cli.cmake.

hrnews_cli_test(stream_jsonl [==[
  set(sample "${SOURCE_DIR}/examples/data/omct-2015-11.json")
  cli(ARGS convert ${sample} --to jsonl -o ${WORK}/whole.jsonl)
  # file to file and file to stdout, sniffed and named by --from
  cli(ARGS convert ${WORK}/whole.jsonl --to jsonl -o ${WORK}/streamed.jsonl)
  expect_same_file(${WORK}/streamed.jsonl ${WORK}/whole.jsonl)
  cli(ARGS convert ${WORK}/whole.jsonl --to jsonl STDOUT_SAME_AS ${WORK}/whole.jsonl)
  cli(ARGS convert --from jsonl ${WORK}/whole.jsonl --to jsonl STDOUT_SAME_AS ${WORK}/whole.jsonl)
  # and back to one canonical JSON document, identical to the sample
  cli(ARGS convert ${WORK}/streamed.jsonl --to json STDOUT_SAME_AS ${sample})
]==])

hrnews_cli_test(stream_jsonl_errors [==[
  file(WRITE ${WORK}/bad.jsonl "{\"hrnews\": \"1.0\", \"feed\": {\"title\": \"t\"}}\n{\"kind\": \"article\", \"id\": \"a\", \"title\": \"A\"}\n{\"kind\": \"article\", \"id\": tru}\n")
  cli(ARGS convert ${WORK}/bad.jsonl --to jsonl -o ${WORK}/out.jsonl EXIT 1
      STDERR "${WORK}/bad.jsonl:3:30: error: jsonl: syntax error: invalid literal\n")
  if(EXISTS ${WORK}/out.jsonl OR EXISTS ${WORK}/out.jsonl.part)
    message(FATAL_ERROR "a failed streaming conversion left a file behind")
  endif()
  cli(ARGS convert ${WORK}/missing.jsonl --from jsonl --to jsonl EXIT 1
      STDERR "${WORK}/missing.jsonl: error: cannot read file: No such file or directory\n")
]==])
