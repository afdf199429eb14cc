# SPDX-License-Identifier: Apache-2.0
# The two commands of the README:
#   make run    build, then summarise the sample RSS feed and convert it to JSON Lines
#   make test   build, then run every test
# Both first install missing Debian packages (scripts/bootstrap.sh).

BUILD   := build
HRNEWS  := $(BUILD)/apps/hrnews
SAMPLE  := examples/data/omct-2015-11.rss
OUT     := $(BUILD)/out/omct-2015-11.jsonl

.PHONY: run test build bootstrap clean test-asan

run: build
	$(HRNEWS) stats $(SAMPLE)
	@mkdir -p $(dir $(OUT))
	$(HRNEWS) convert $(SAMPLE) --to jsonl -o $(OUT)
	@echo "wrote $(OUT)"

test: build
	ctest --preset default -j2

# The whole test suite under address + undefined-behaviour sanitizers (preset asan, build-asan/).
test-asan: bootstrap
	@if [ ! -f build-asan/CMakeCache.txt ] || [ ! -f build-asan/build.ninja ]; then cmake --preset asan; fi
	cmake --build --preset asan -- -j2
	ctest --preset asan -j2

build: bootstrap
	@if [ ! -f $(BUILD)/CMakeCache.txt ] || [ ! -f $(BUILD)/build.ninja ]; then cmake --preset default; fi
	cmake --build --preset default

bootstrap:
	@scripts/bootstrap.sh

clean:
	rm -rf $(BUILD)
