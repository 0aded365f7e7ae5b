#pragma once

#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QTest>

namespace cpis::testsupport {

// Reference data that no package registry ships (NHS England's published API specifications
// and the CP-IS message schemas, see ../shared/testdata/README.md) is read in place from the
// shared folder beside the checkout, when it is there. A clone on its own has no such folder:
// a test that needs it skips with one line that starts with kMissingReferenceData, which
// scripts/test.sh counts (and CI, where the folder is always present, refuses).
inline constexpr char kMissingReferenceData[] = "missing reference data:";

// `relative` is under testdata/, e.g. "pds/specification/personal-demographics.yaml".
inline QString referenceDataPath(const QString& relative)
{
    return QStringLiteral(CPIS_SHARED_DIR "/testdata/") + relative;
}

} // namespace cpis::testsupport

// Skips the calling test function (or, from initTestCase, the whole program) when the
// reference data at testdata/<relative> is absent.
#define CPIS_REQUIRE_REFERENCE_DATA(relative)                                                      \
    do {                                                                                           \
        const QString cpisReferencePath_ = cpis::testsupport::referenceDataPath(relative);         \
        if (!QFileInfo::exists(cpisReferencePath_))                                                \
            QSKIP(qPrintable(QLatin1String(cpis::testsupport::kMissingReferenceData) + u' ' +      \
                             QDir::cleanPath(cpisReferencePath_)));                                \
    } while (false)
