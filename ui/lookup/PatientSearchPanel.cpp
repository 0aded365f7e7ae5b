#include "ui/lookup/PatientSearchPanel.h"

#include "core/domain/Clock.h"
#include "core/lookup/PatientSearchService.h"
#include "ui/lookup/PatientCandidateModel.h"
#include "ui/widgets/PlainLabel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QVBoxLayout>

namespace cpis::ui {

namespace {

// What people type for a date of birth: 22/10/2010, 22-10-2010, 22.10.2010, 22102010 or
// 2010-10-22; day first, as in the UK.
std::optional<QDate> parseBirthDate(const QString& text)
{
    const QString t = text.trimmed();
    static const QRegularExpression dmy(
        QStringLiteral("^(\\d{1,2})[/.\\- ](\\d{1,2})[/.\\- ](\\d{4})$"));
    static const QRegularExpression compact(QStringLiteral("^(\\d{2})(\\d{2})(\\d{4})$"));
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    QDate d;
    if (auto m = dmy.match(t); m.hasMatch())
        d = QDate(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
    else if (auto c = compact.match(t); c.hasMatch())
        d = QDate(c.captured(3).toInt(), c.captured(2).toInt(), c.captured(1).toInt());
    else if (auto i = iso.match(t); i.hasMatch())
        d = QDate(i.captured(1).toInt(), i.captured(2).toInt(), i.captured(3).toInt());
    if (!d.isValid())
        return std::nullopt;
    return d;
}

// "7" or "6-8" (also "6 to 8"): whole years.
std::optional<std::pair<int, int>> parseAges(const QString& text)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{1,3})(?:\\s*(?:-|to|i)\\s*(\\d{1,3}))?$"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const int from = m.captured(1).toInt();
    const int to = m.captured(2).isEmpty() ? from : m.captured(2).toInt();
    if (from > to || to > 120)
        return std::nullopt;
    return std::pair{from, to};
}

} // namespace

PatientSearchPanel::PatientSearchPanel(PatientSearchService* service,
                                       const Clock* clock,
                                       QWidget* parent)
    : QWidget(parent), m_service(service), m_clock(clock)
{
    setObjectName(QStringLiteral("patientSearchPanel"));
    setAccessibleName(tr("Find a patient by their details"));
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);

    auto* intro = new PlainLabel(tr("No NHS number? Search PDS by the person's details. Spelling "
                                    "may be approximate; day and month may be swapped."),
                                 this);
    intro->setWordWrap(true);
    column->addWidget(intro);

    auto* form = new QFormLayout;
    auto field = [this, form](const QString& label, const QString& name, const QString& accessible,
                              const QString& placeholder) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(name);
        edit->setAccessibleName(accessible);
        edit->setPlaceholderText(placeholder);
        edit->setMaxLength(PatientSearchCriteria::kMaxNameLength);
        connect(edit, &QLineEdit::returnPressed, this, &PatientSearchPanel::search);
        form->addRow(PlainLabel::forField(label, edit), edit);
        return edit;
    };
    m_family = field(tr("&Family name"), QStringLiteral("searchFamily"), tr("Family name"), {});
    m_given = field(tr("&Given name"), QStringLiteral("searchGiven"), tr("Given name"), {});
    m_sex = new QComboBox(this);
    m_sex->setObjectName(QStringLiteral("searchSex"));
    m_sex->setAccessibleName(tr("Sex"));
    m_sex->addItem(tr("Not known"), QString());
    m_sex->addItem(tr("Female"), QStringLiteral("female"));
    m_sex->addItem(tr("Male"), QStringLiteral("male"));
    form->addRow(PlainLabel::forField(tr("Se&x"), m_sex), m_sex);
    m_born = field(tr("Date of &birth"), QStringLiteral("searchBorn"), tr("Date of birth"),
                   tr("dd/mm/yyyy"));
    m_age = field(tr("or &age in years"), QStringLiteral("searchAge"),
                  tr("Age in years, or a range of ages"), tr("e.g. 7 or 6-8"));
    m_postcode = field(tr("&Postcode (optional)"), QStringLiteral("searchPostcode"),
                       tr("Postcode, optional"), {});
    column->addLayout(form);

    auto* actions = new QHBoxLayout;
    m_searchButton = new QPushButton(tr("Search PDS (Enter)"), this);
    m_searchButton->setObjectName(QStringLiteral("searchButton"));
    m_searchButton->setAccessibleName(tr("Search PDS by these details"));
    m_searchButton->setAutoDefault(false);
    connect(m_searchButton, &QPushButton::clicked, this, &PatientSearchPanel::search);
    actions->addWidget(m_searchButton);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("searchBusy"));
    m_busy->setAccessibleName(tr("Searching PDS"));
    m_busy->setRange(0, 0); // busy: PDS gives no progress to show
    m_busy->setMaximumWidth(160);
    m_busy->setTextVisible(false);
    m_busy->hide();
    actions->addWidget(m_busy);
    m_cancelButton = new QPushButton(tr("Cancel (Esc)"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelSearchButton"));
    m_cancelButton->setAccessibleName(tr("Cancel the search"));
    m_cancelButton->setAutoDefault(false);
    m_cancelButton->hide();
    connect(m_cancelButton, &QPushButton::clicked, this, &PatientSearchPanel::cancel);
    actions->addWidget(m_cancelButton);
    actions->addStretch(1);
    column->addLayout(actions);

    m_status = new PlainLabel(this);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setWordWrap(true);
    column->addWidget(m_status);

    m_model = new PatientCandidateModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("candidateTable"));
    m_table->setAccessibleName(tr("Candidates, best match first"));
    m_table->setAccessibleDescription(tr("Enter looks up the selected person's NHS number."));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    // The short columns keep their width; the name and the address share the rest, elided
    // with the whole in a tooltip, so the table never scrolls sideways.
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PatientCandidateModel::Name,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(PatientCandidateModel::Address,
                                                      QHeaderView::Stretch);
    m_table->setMinimumHeight(160);
    m_table->hide();
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (index.isValid())
            emit picked(m_model->data(index, Qt::UserRole).toString());
    });
    column->addWidget(m_table, 1);
    setStatus(QString());
    setFocusProxy(m_family);
}

PatientSearchPanel::Read PatientSearchPanel::readForm() const
{
    PatientSearchCriteria c;
    c.family = m_family->text().trimmed();
    c.given = m_given->text().trimmed();
    c.gender = m_sex->currentData().toString();
    c.postcode = m_postcode->text().trimmed();
    const QDate today = m_clock->nowUtc().toLocalTime().date();
    const QString born = m_born->text().trimmed();
    const QString age = m_age->text().trimmed();
    if (!born.isEmpty() && !age.isEmpty())
        return {std::nullopt, tr("Enter a date of birth or an age, not both.")};
    if (!born.isEmpty()) {
        const auto d = parseBirthDate(born);
        if (!d)
            return {std::nullopt, tr("The date of birth is not a date: type it as dd/mm/yyyy.")};
        if (*d > today)
            return {std::nullopt, tr("The date of birth is in the future.")};
        c.birthDate = *d;
    } else if (!age.isEmpty()) {
        const auto ages = parseAges(age);
        if (!ages)
            return {std::nullopt, tr("The age is not a number of years or a range such as 6-8.")};
        const auto [from, to] =
            PatientSearchCriteria::birthRangeForAges(ages->first, ages->second, today);
        c.bornFrom = from;
        c.bornTo = to;
    }
    switch (c.problem()) {
    case PatientSearchCriteria::Problem::None:
        return {c, QString()};
    case PatientSearchCriteria::Problem::NoBirthDate:
        return {std::nullopt, tr("Enter a date of birth or an age.")};
    case PatientSearchCriteria::Problem::RangeReversed:
        return {std::nullopt, tr("The age range ends before it starts.")};
    case PatientSearchCriteria::Problem::NameTooLong:
        return {std::nullopt, tr("A name can be at most 35 characters.")};
    case PatientSearchCriteria::Problem::NotEnoughDetail:
    case PatientSearchCriteria::Problem::MaxResultsOutOfRange:
        break;
    }
    return {std::nullopt, tr("Enter the family name and the given name, or one of them with the "
                             "sex and the postcode.")};
}

void PatientSearchPanel::search()
{
    if (!m_service || isSearching())
        return;
    const Read read = readForm();
    if (!read.criteria) {
        setStatus(tr("Not searched: %1").arg(read.problem));
        emit searchFinished();
        return;
    }
    m_model->clear();
    m_table->hide();
    // The search's own context object: deleting it (Cancel) means its answer is never shown.
    m_running = new QObject(this);
    setBusy(true);
    setStatus(tr("Searching PDS…"));
    m_service->search(*read.criteria, m_running,
                      [this](const PatientSearchResult& r) { onResult(r); });
}

void PatientSearchPanel::cancel()
{
    if (!isSearching())
        return;
    delete m_running.data();
    setBusy(false);
    setStatus(tr("Search cancelled."));
    m_family->setFocus();
    emit searchFinished();
}

void PatientSearchPanel::clear()
{
    cancel();
    for (QLineEdit* e : {m_family, m_given, m_born, m_age, m_postcode})
        e->clear();
    m_sex->setCurrentIndex(0);
    m_model->clear();
    m_table->hide();
    setStatus(QString());
}

void PatientSearchPanel::onResult(const PatientSearchResult& r)
{
    delete m_running.data();
    setBusy(false);
    QString text;
    switch (r.state) {
    case PatientSearchResult::State::Candidates:
        if (r.candidates.isEmpty()) {
            text = tr("Nobody matched. Check the spelling, try an age range instead of a date "
                      "of birth, or add the postcode.");
        } else {
            text = tr("%n candidate(s), best match first. Enter on one looks up their NHS "
                      "number.",
                      nullptr, int(r.candidates.size()));
            m_model->setCandidates(r.candidates, m_clock->nowUtc().toLocalTime().date());
        }
        break;
    case PatientSearchResult::State::TooManyMatches:
        text = tr("Too many matches: add details (given name, sex, postcode or an exact date "
                  "of birth) and search again.");
        break;
    case PatientSearchResult::State::CouldNotSearch:
        text = r.errorKind == ServiceError::Kind::InvalidRequest
                   ? tr("Could not search: PDS did not accept these details (%1).")
                         .arg(r.spineCode.isEmpty() ? tr("no reason given") : r.spineCode)
                   : tr("Could not search PDS: %1")
                         .arg(ServiceError::userText(r.errorKind, r.retryAfterSecs));
        break;
    }
    if (r.auditFailed)
        text += u' ' + tr("Warning: this search could not be recorded in the audit log.");
    setStatus(text);
    if (m_model->rowCount() > 0) {
        m_table->show();
        m_table->resizeColumnsToContents();
        m_table->setCurrentIndex(m_model->index(0, PatientCandidateModel::Name));
        m_table->setFocus();
    } else {
        m_family->setFocus();
    }
    emit searchFinished();
}

void PatientSearchPanel::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_cancelButton->setVisible(busy);
    m_searchButton->setEnabled(!busy);
}

void PatientSearchPanel::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setAccessibleName(text.isEmpty() ? tr("Search status") : text);
}

QString PatientSearchPanel::statusText() const
{
    return m_status->text();
}

void PatientSearchPanel::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        if (isSearching())
            cancel();
        else
            emit closeRequested();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace cpis::ui
