# Install-time script (install(SCRIPT), run by `cmake --install` and CPack): copies the DLLs
# the executables need that windeployqt does not deploy (SQLCipher, QtKeychain, OpenSSL,
# the MSVC runtime if not system-wide) beside them in <prefix>/bin.
# In: CPIS_EXECUTABLES (list of .exe), CPIS_DLL_DIRS (extra search folders), CMAKE_INSTALL_PREFIX.
if(NOT CPIS_EXECUTABLES)
    message(FATAL_ERROR "InstallRuntimeDlls: CPIS_EXECUTABLES is empty")
endif()
set(search_dirs ${CPIS_DLL_DIRS})
if(WIN32)
    string(REPLACE "\\" "/" env_path "$ENV{PATH}")
    list(APPEND search_dirs ${env_path})
endif()
file(GET_RUNTIME_DEPENDENCIES
    EXECUTABLES ${CPIS_EXECUTABLES}
    RESOLVED_DEPENDENCIES_VAR cpis_deps
    UNRESOLVED_DEPENDENCIES_VAR cpis_missing
    DIRECTORIES ${search_dirs}
    # Windows' own API sets and system DLLs stay out; Qt's are windeployqt's.
    PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-"
    POST_EXCLUDE_REGEXES "[Ss]ystem32" "[Ss]ys[Ww][Oo][Ww]64" "/Qt6[A-Za-z]*d?\\.dll$")
if(cpis_missing)
    message(FATAL_ERROR "InstallRuntimeDlls: not found (add their folder to "
                        "CPIS_WINDOWS_DLL_DIRS): ${cpis_missing}")
endif()
file(INSTALL ${cpis_deps} DESTINATION "${CMAKE_INSTALL_PREFIX}/bin")
