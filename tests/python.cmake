# SPDX-License-Identifier: Apache-2.0
# The Python tests (tests/python, pytest), when the bindings are built
# (HRNEWS_BUILD_PYTHON, on in the default preset). Included by tests/CMakeLists.txt.
#
#   python.venv         fixture: ${build}/venv made once from the Python the module was
#                       built for; tests/python/requirements.txt pip-installed into it
#   python.pytest       the suite against the module of the build tree
#                       (${build}/python first on PYTHONPATH), Dask example included
#   python.pip_install  `pip install .` of the source tree into a fresh venv, then import
#                       it and check what the wheel installed (slow: builds everything)

if(NOT TARGET _hrnews)
  return()
endif()

set(HRNEWS_TEST_VENV ${PROJECT_BINARY_DIR}/venv)
set(_hrnews_venv_python ${HRNEWS_TEST_VENV}/bin/python)
set(_hrnews_pytest_env
  "PYTHONPATH=${PROJECT_BINARY_DIR}/python"
  "HRNEWS_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
  "HRNEWS_BINARY_DIR=${PROJECT_BINARY_DIR}"
  "PYTHONDONTWRITEBYTECODE=1")

add_test(NAME python.venv
  COMMAND ${HRNEWS_PYTHON_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/python/make_venv.py
          ${HRNEWS_TEST_VENV} ${CMAKE_CURRENT_SOURCE_DIR}/python/requirements.txt)
set_tests_properties(python.venv PROPERTIES FIXTURES_SETUP hrnews_python_venv TIMEOUT 900
  RESOURCE_LOCK hrnews_python_venv)

add_test(NAME python.pytest
  COMMAND ${_hrnews_venv_python} -m pytest -p no:cacheprovider -q -m "not pip_install"
          ${CMAKE_CURRENT_SOURCE_DIR}/python
  WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
set_tests_properties(python.pytest PROPERTIES FIXTURES_REQUIRED hrnews_python_venv
  ENVIRONMENT "${_hrnews_pytest_env}" TIMEOUT 600)

add_test(NAME python.pip_install
  COMMAND ${_hrnews_venv_python} -m pytest -p no:cacheprovider -q -m pip_install
          ${CMAKE_CURRENT_SOURCE_DIR}/python/test_pip_install.py
  WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
set_tests_properties(python.pip_install PROPERTIES FIXTURES_REQUIRED hrnews_python_venv
  ENVIRONMENT "HRNEWS_SOURCE_DIR=${PROJECT_SOURCE_DIR};HRNEWS_BINARY_DIR=${PROJECT_BINARY_DIR};PYTHONDONTWRITEBYTECODE=1"
  TIMEOUT 1800 RUN_SERIAL ON)
