#pragma once

#include "core/domain/Result.h"
#include "core/fhir/FhirParser.h"
#include "core/review/ReviewItem.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

namespace cpis {

// Reads one page of the site review feed (docs/api.md §12) strictly: anything it cannot read
// in full is an error, never a shorter queue, so a bad answer never looks like "nothing to
// review".
class ReviewFeedParser
{
public:
    struct Page
    {
        QList<ReviewItem> items; // in the service's order (newest first)
        int total = 0;           // matches over all pages
        QUrl next;               // empty on the last page
    };

    static Result<Page, FhirParser::Error> page(const QByteArray& body);
};

} // namespace cpis
