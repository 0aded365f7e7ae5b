# `cmake --build <dir> --target format-check` fails when any C++ file differs from
# what the project's .clang-format would write; `format` rewrites them in place.
find_program(CPIS_CLANG_FORMAT NAMES clang-format clang-format-14)
if(CPIS_CLANG_FORMAT)
    file(GLOB_RECURSE CPIS_FORMAT_SOURCES CONFIGURE_DEPENDS
        ${CMAKE_SOURCE_DIR}/app/*.cpp ${CMAKE_SOURCE_DIR}/app/*.h
        ${CMAKE_SOURCE_DIR}/ui/*.cpp ${CMAKE_SOURCE_DIR}/ui/*.h
        ${CMAKE_SOURCE_DIR}/core/*.cpp ${CMAKE_SOURCE_DIR}/core/*.h
        ${CMAKE_SOURCE_DIR}/sandbox/*.cpp ${CMAKE_SOURCE_DIR}/sandbox/*.h
        ${CMAKE_SOURCE_DIR}/tests/*.cpp ${CMAKE_SOURCE_DIR}/tests/*.h
        ${CMAKE_SOURCE_DIR}/bench/*.cpp ${CMAKE_SOURCE_DIR}/bench/*.h
        ${CMAKE_SOURCE_DIR}/fuzz/*.cpp)
    add_custom_target(format-check
        COMMAND ${CPIS_CLANG_FORMAT} --dry-run --Werror ${CPIS_FORMAT_SOURCES}
        WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
        COMMENT "Checking C++ formatting"
        VERBATIM)
    add_custom_target(format
        COMMAND ${CPIS_CLANG_FORMAT} -i ${CPIS_FORMAT_SOURCES}
        WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
        VERBATIM)
endif()
