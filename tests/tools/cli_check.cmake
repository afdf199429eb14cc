# SPDX-License-Identifier: Apache-2.0
# Helpers for the CLI tests (tests/cli.cmake), run with `cmake -P`.
#
# Each test is a small script that sets HRNEWS (the program), DATA (the
# fixtures, also the working directory), WORK (an empty scratch directory),
# SOURCE_DIR and VERSION, includes this file and calls:
#
#   cli(ARGS arg...            the command line after `hrnews`
#       [STDIN file]           standard input (default: empty)
#       [EXIT n]               expected exit status (default 0)
#       [STDOUT text | STDOUT_MATCHES regex | STDOUT_EMPTY | STDOUT_SAME_AS file]
#       [STDOUT_TO file]       keep stdout in `file` for a later step
#       [STDERR text | STDERR_MATCHES regex | STDERR_ANY])
#
# stderr must be empty unless STDERR, STDERR_MATCHES or STDERR_ANY says
# otherwise, so stray messages fail a test. Comparisons of text are exact;
# STDOUT_SAME_AS compares bytes.
#
#   expect_same_file(actual expected)   the two files have identical bytes

set(_cli_step 0)
get_filename_component(HRNEWS "${HRNEWS}" ABSOLUTE)

function(_cli_show_text label text)
  string(REPLACE "\n" "\\n\n    " shown "${text}")
  string(APPEND _cli_report "  ${label}:\n    ${shown}\n")
  set(_cli_report "${_cli_report}" PARENT_SCOPE)
endfunction()

function(cli)
  cmake_parse_arguments(PARSE_ARGV 0 C "STDOUT_EMPTY;STDERR_ANY"
    "STDIN;EXIT;STDOUT;STDOUT_MATCHES;STDOUT_SAME_AS;STDOUT_TO;STDERR;STDERR_MATCHES" "ARGS")
  if(C_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "cli(): unexpected arguments: ${C_UNPARSED_ARGUMENTS}")
  endif()
  math(EXPR step "${_cli_step} + 1")
  set(_cli_step ${step} PARENT_SCOPE)
  if(NOT DEFINED C_EXIT)
    set(C_EXIT 0)
  endif()
  if(NOT DEFINED C_STDIN)
    set(C_STDIN "${WORK}/empty-stdin")
    file(WRITE "${C_STDIN}" "")
  endif()
  set(out_file "${WORK}/stdout.${step}")
  execute_process(
    COMMAND "${HRNEWS}" ${C_ARGS}
    WORKING_DIRECTORY "${DATA}"
    INPUT_FILE "${C_STDIN}"
    OUTPUT_FILE "${out_file}"
    ERROR_VARIABLE err
    RESULT_VARIABLE rc)
  file(READ "${out_file}" out)

  set(failures "")
  if(NOT "${rc}" STREQUAL "${C_EXIT}")
    list(APPEND failures "exit status ${rc}, expected ${C_EXIT}")
  endif()
  if(DEFINED C_STDOUT AND NOT "${out}" STREQUAL "${C_STDOUT}")
    list(APPEND failures "stdout differs")
  endif()
  if(DEFINED C_STDOUT_MATCHES AND NOT "${out}" MATCHES "${C_STDOUT_MATCHES}")
    list(APPEND failures "stdout does not match ${C_STDOUT_MATCHES}")
  endif()
  if(C_STDOUT_EMPTY AND NOT "${out}" STREQUAL "")
    list(APPEND failures "stdout is not empty")
  endif()
  if(DEFINED C_STDOUT_SAME_AS)
    execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${out_file}" "${C_STDOUT_SAME_AS}"
                    RESULT_VARIABLE same OUTPUT_QUIET ERROR_QUIET)
    if(NOT same EQUAL 0)
      list(APPEND failures "stdout (${out_file}) differs from ${C_STDOUT_SAME_AS}")
    endif()
  endif()
  if(DEFINED C_STDERR)
    if(NOT "${err}" STREQUAL "${C_STDERR}")
      list(APPEND failures "stderr differs")
    endif()
  elseif(DEFINED C_STDERR_MATCHES)
    if(NOT "${err}" MATCHES "${C_STDERR_MATCHES}")
      list(APPEND failures "stderr does not match ${C_STDERR_MATCHES}")
    endif()
  elseif(NOT C_STDERR_ANY AND NOT "${err}" STREQUAL "")
    list(APPEND failures "stderr is not empty")
  endif()
  if(DEFINED C_STDOUT_TO)
    file(COPY_FILE "${out_file}" "${C_STDOUT_TO}")
  endif()

  if(failures)
    set(_cli_report "step ${step}: hrnews")
    foreach(arg IN LISTS C_ARGS)
      string(APPEND _cli_report " ${arg}")
    endforeach()
    string(APPEND _cli_report "\n  (in ${DATA}, stdin ${C_STDIN})\n")
    foreach(f IN LISTS failures)
      string(APPEND _cli_report "  FAILED: ${f}\n")
    endforeach()
    if(DEFINED C_STDOUT)
      _cli_show_text("expected stdout" "${C_STDOUT}")
    endif()
    string(LENGTH "${out}" out_length)
    if(out_length LESS 4000)
      _cli_show_text("actual stdout" "${out}")
    else()
      string(APPEND _cli_report "  actual stdout: ${out_length} bytes in ${out_file}\n")
    endif()
    if(DEFINED C_STDERR)
      _cli_show_text("expected stderr" "${C_STDERR}")
    endif()
    _cli_show_text("actual stderr" "${err}")
    message(FATAL_ERROR "${_cli_report}")
  endif()
endfunction()

function(expect_same_file actual expected)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${actual}" "${expected}"
                  RESULT_VARIABLE same OUTPUT_QUIET ERROR_QUIET)
  if(NOT same EQUAL 0)
    message(FATAL_ERROR "${actual} differs from ${expected}")
  endif()
endfunction()

# through_pipe(SOURCE PIPE NAME RESULT ARG...): makes the named pipe PIPE and
# writes the file SOURCE into it while `hrnews ARG...` runs (one pipeline,
# working directory DATA, stdin not read); stdout and stderr go to
# WORK/NAME.stdout and WORK/NAME.stderr. Fails the test unless both exit with
# 0; RESULT is set to "done", or to "skipped" where mkfifo or sh is missing.
function(through_pipe source pipe name result)
  find_program(MKFIFO mkfifo)
  find_program(SH sh)
  if(NOT MKFIFO OR NOT SH)
    set(${result} skipped PARENT_SCOPE)
    return()
  endif()
  execute_process(COMMAND "${MKFIFO}" "${pipe}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "mkfifo failed: ${rc}")
  endif()
  execute_process(COMMAND "${SH}" -c "cat \"$0\" > \"$1\"" "${source}" "${pipe}"
                  COMMAND "${HRNEWS}" ${ARGN}
                  WORKING_DIRECTORY "${DATA}" OUTPUT_FILE "${WORK}/${name}.stdout" ERROR_FILE "${WORK}/${name}.stderr"
                  RESULTS_VARIABLE codes TIMEOUT 60)
  if(NOT codes STREQUAL "0;0")
    file(READ "${WORK}/${name}.stderr" err)
    message(FATAL_ERROR "hrnews ${ARGN} reading the named pipe ${pipe}: exit codes ${codes}:\n${err}")
  endif()
  set(${result} done PARENT_SCOPE)
endfunction()
