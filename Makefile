# Thin wrapper over CMake. `make run` and `make test` are the two Quick start commands.
BUILD    ?= build
SANITIZE ?= 0
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)

ifeq ($(SANITIZE),1)
  BUILD := build-asan
  CMAKE_FLAGS += -DGW_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
else
  CMAKE_FLAGS += -DCMAKE_BUILD_TYPE=RelWithDebInfo
endif
ifneq ($(CI),)
  CMAKE_FLAGS += -DGW_WERROR=ON
endif

.PHONY: deps build run test bench clean fuzz fuzz-build memcheck

deps:
	@bash scripts/deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/groundwork $(ARGS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	@bash bench/run.sh $(BUILD)

# Fuzzing (docs/testing.md): clang + libFuzzer in build-fuzz; FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 60
fuzz-build: deps
	cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DGW_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build build-fuzz --target fuzz_targets -j $(JOBS)

fuzz: fuzz-build
	bash tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

# The unit tests, fuzz replays and a short headless run under valgrind memcheck.
memcheck: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L memcheck

clean:
	rm -rf build build-asan build-fuzz
