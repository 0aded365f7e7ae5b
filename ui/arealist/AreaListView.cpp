#include "ui/arealist/AreaListView.h"

#include "core/domain/Clock.h"
#include "core/domain/DisplayFormat.h"
#include "ui/arealist/AreaListModel.h"
#include "ui/widgets/PlainLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace cpis::ui {

namespace {
// "Ysgol Gynradd Llanfair, Pwllheli" -> "ysgol-gynradd-llanfair-pwllheli": safe in a file name
// on every system, accents dropped rather than the letter.
QString slug(const QString& name)
{
    QString out;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD)) {
        if (c.isMark())
            continue;
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out += c.toLower();
        else if (!out.isEmpty() && !out.endsWith(u'-'))
            out += u'-';
    }
    while (out.endsWith(u'-'))
        out.chop(1);
    return out.left(60);
}

QDate ukDate(const QDateTime& utc)
{
    return utc.toTimeZone(QTimeZone(QByteArrayLiteral("Europe/London"))).date();
}
} // namespace

AreaListView::AreaListView(AreaListService* service,
                           const UserSession& session,
                           const Clock* clock,
                           QWidget* parent)
    : QWidget(parent), m_service(service), m_session(session), m_clock(clock)
{
    setObjectName(QStringLiteral("areaListView"));
    setAccessibleName(tr("Area list"));

    m_area = new QComboBox(this);
    m_area->setObjectName(QStringLiteral("areaPicker"));
    m_area->setAccessibleName(tr("Area"));
    m_area->setMinimumContentsLength(30);
    auto* areaLabel = new PlainLabel(tr("&Area:"), this);
    areaLabel->setBuddy(m_area);
    m_sync = new QPushButton(tr("&Sync"), this);
    m_sync->setObjectName(QStringLiteral("syncButton"));
    m_sync->setAccessibleName(tr("Sync the area list"));
    m_cancel = new QPushButton(tr("&Cancel sync"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setAccessibleName(tr("Cancel the sync"));
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setAccessibleName(tr("Sync progress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_progressText = new PlainLabel(this);
    m_progressText->setObjectName(QStringLiteral("syncProgressText"));
    m_progressText->setAccessibleName(tr("Sync progress text"));

    m_state = new PlainLabel(this);
    m_state->setObjectName(QStringLiteral("syncState"));
    m_state->setAccessibleName(tr("Sync state"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems = new PlainLabel(this);
    m_problems->setObjectName(QStringLiteral("syncProblems"));
    m_problems->setAccessibleName(tr("Problems reported by the national service"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setStyleSheet(QStringLiteral("color: #8a4b00;"));
    m_problems->setVisible(false);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("listFilter"));
    m_filter->setAccessibleName(tr("Filter by name or NHS number"));
    m_filter->setPlaceholderText(tr("Filter by name or NHS number (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_plan = new QComboBox(this);
    m_plan->setObjectName(QStringLiteral("planFilter"));
    m_plan->setAccessibleName(tr("Plan type"));
    m_plan->addItem(tr("All plans"), int(AreaListModel::PlanFilter::All));
    m_plan->addItem(tr("Child Protection Plans"), int(AreaListModel::PlanFilter::ChildProtection));
    m_plan->addItem(tr("Looked After Children"), int(AreaListModel::PlanFilter::LookedAfter));
    m_plan->addItem(tr("Unborn Child Protection Plans"),
                    int(AreaListModel::PlanFilter::UnbornChildProtection));
    m_ended = new QCheckBox(tr("Show &ended plans"), this);
    m_ended->setObjectName(QStringLiteral("showEnded"));
    m_ended->setAccessibleName(tr("Show ended plans"));
    m_export = new QPushButton(tr("E&xport CSV…"), this);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setAccessibleName(tr("Export the shown rows as CSV"));
    m_count = new PlainLabel(this);
    m_count->setObjectName(QStringLiteral("rowCount"));
    m_count->setAccessibleName(tr("Rows shown"));

    m_model = new AreaListModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("areaTable"));
    m_table->setAccessibleName(tr("Children on plans in the area"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    // Tab leaves the table (arrows move between cells); cell-by-cell Tab traps the keyboard in
    // a list of thousands.
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setSortIndicator(AreaListModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    // Fixed sizes: measuring 150,000 rows' contents would cost seconds.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    // The number and the dates get the width of their longest text; the name and the local
    // authority share the rest, elided with the whole in a tooltip, so the table never
    // scrolls sideways. Widths from sample texts, not contents: measuring 150,000 rows' would
    // cost seconds.
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(AreaListModel::Name, QHeaderView::Stretch);
    header->setSectionResizeMode(AreaListModel::Authority, QHeaderView::Stretch);
    const int pad = 2 * fontMetrics().horizontalAdvance(u'M');
    const auto fit = [&](int column, const QString& sample) {
        const QString title =
            m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        m_table->setColumnWidth(column, std::max(fontMetrics().horizontalAdvance(sample),
                                                 fontMetrics().horizontalAdvance(title)) +
                                            pad);
    };
    fit(AreaListModel::NhsNumber, QStringLiteral("999 999 9999"));
    for (int c : {AreaListModel::BirthDate, AreaListModel::Start, AreaListModel::End})
        fit(c, QStringLiteral("30-Sep-2000"));
    fit(AreaListModel::Plan, QStringLiteral("UCPP"));

    auto* top = new QHBoxLayout;
    top->addWidget(areaLabel);
    top->addWidget(m_area, 1);
    top->addWidget(m_sync);
    top->addWidget(m_cancel);
    top->addWidget(m_progress);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_filter, 2);
    filters->addWidget(m_plan);
    filters->addWidget(m_ended);
    filters->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_progressText);
    layout->addWidget(m_state);
    layout->addWidget(m_problems);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    setTabOrder(m_area, m_sync);
    setTabOrder(m_sync, m_cancel);
    setTabOrder(m_cancel, m_filter);
    setTabOrder(m_filter, m_plan);
    setTabOrder(m_plan, m_ended);
    setTabOrder(m_ended, m_export);
    setTabOrder(m_export, m_table);

    auto* find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    // Down from the filter goes into the table, as in a type-ahead list.
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        m_table->setFocus();
        if (m_model->rowCount() > 0)
            m_table->setCurrentIndex(m_model->index(0, 0));
    });

    connect(m_area, &QComboBox::currentIndexChanged, this, &AreaListView::showArea);
    connect(m_sync, &QPushButton::clicked, this, &AreaListView::startSync);
    connect(m_cancel, &QPushButton::clicked, m_service, &AreaListService::cancel);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& t) {
        m_model->setFilterText(t);
        updateCount();
    });
    connect(m_plan, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setPlanFilter(AreaListModel::PlanFilter(m_plan->currentData().toInt()));
        updateCount();
    });
    connect(m_ended, &QCheckBox::toggled, this, [this](bool on) {
        m_model->setShowEnded(on);
        updateCount();
    });
    connect(m_export, &QPushButton::clicked, this, &AreaListView::exportCsv);
    connect(m_service, &AreaListService::progress, this, &AreaListView::onProgress);
    connect(m_service, &AreaListService::finished, this, &AreaListView::onFinished);

    m_state->setText(tr("Asking the national service which areas you may see…"));
    loadAreas();
}

AreaListView::~AreaListView()
{
    // Locking or signing out ends the screen, and a sync started from it.
    if (m_service->busy())
        m_service->cancel();
}

void AreaListView::loadAreas()
{
    if (const auto why = m_service->unavailableReason()) {
        m_state->setText(*why);
        emit areasLoaded(0);
        return;
    }
    QPointer<AreaListView> self(this);
    m_service->listAreas(m_session, [self](const Result<QList<AreaInfo>, ServiceError>& r) {
        if (!self)
            return;
        if (!r) {
            self->m_state->setText(
                tr("Could not get your areas from the national service (%1). Try again later.")
                    .arg(r.error().httpStatus ? QString::number(r.error().httpStatus)
                                              : ServiceError::kindName(r.error().kind)));
            emit self->areasLoaded(0);
            return;
        }
        self->m_areas = r.value();
        const QSignalBlocker block(self->m_area);
        self->m_area->clear();
        for (const AreaInfo& a : std::as_const(self->m_areas))
            self->m_area->addItem(tr("%1 (%Ln on plans)", nullptr, a.quantity).arg(a.name), a.id);
        self->showArea();
        emit self->areasLoaded(int(self->m_areas.size()));
    });
}

QString AreaListView::currentAreaId() const
{
    return m_area->currentData().toString();
}

void AreaListView::selectArea(const QString& areaId)
{
    const int i = m_area->findData(areaId);
    if (i >= 0)
        m_area->setCurrentIndex(i);
}

void AreaListView::showArea()
{
    const QString id = currentAreaId();
    if (id.isEmpty()) {
        m_model->clear();
        showState();
        return;
    }
    const AreaSyncState state = m_service->state(id);
    m_model->beginLoad(m_clock->nowUtc().date(), state.plans);
    m_service->forEachRow(id, [this](const AreaListRowView& r) { m_model->append(r); });
    m_model->endLoad();
    showState(state);
    updateCount();
    emit listShown(m_model->totalRows());
}

void AreaListView::showState()
{
    const QString id = currentAreaId();
    if (id.isEmpty()) {
        m_state->setText(m_areas.isEmpty() ? tr("Your role has no areas.") : QString());
        m_problems->setVisible(false);
        return;
    }
    showState(m_service->state(id));
}

void AreaListView::showState(const AreaSyncState& s)
{
    QString text;
    if (s.asOf)
        text =
            tr("As of %1: %Ln people, ", nullptr, int(s.people)).arg(display::dateTime(*s.asOf)) +
            tr("%Ln plans.", nullptr, int(s.plans));
    else
        text = tr("Not synced yet: press Sync to fetch this area's list.");
    if (!s.lastError.isEmpty()) {
        const QString when = s.lastAttempt ? display::dateTime(*s.lastAttempt) : QString();
        text += u' ' +
                (s.asOf ? tr("The last sync (%1) failed: %2 The list shown is the one as of above.")
                        : tr("The last sync (%1) failed: %2 No list has been received."))
                    .arg(when, s.lastError);
        m_state->setStyleSheet(QStringLiteral("color: #b00020;"));
    } else {
        m_state->setStyleSheet(QString());
    }
    m_state->setText(text);

    if (s.problems <= 0) {
        m_problems->clear();
        m_problems->setVisible(false);
        return;
    }
    const int problems = int(qMin<qint64>(s.problems, INT_MAX));
    QString problemText =
        tr("Partial: %n problem(s) reported by the service. The list may lack the children they "
           "concern; the next sync fetches the whole list again.",
           nullptr, problems);
    for (const QString& note : s.problemNotes)
        problemText += u'\n' + QStringLiteral("• ") + note;
    if (problems > s.problemNotes.size())
        problemText += u'\n' + tr("…and %n more.", nullptr, problems - int(s.problemNotes.size()));
    m_problems->setText(problemText);
    m_problems->setVisible(true);
}

void AreaListView::startSync()
{
    const QString id = currentAreaId();
    if (id.isEmpty() || m_service->busy())
        return;
    AreaInfo area;
    for (const AreaInfo& a : std::as_const(m_areas))
        if (a.id == id)
            area = a;
    m_service->setLocale(locale());
    if (!m_service->sync(m_session, area))
        return;
    m_sync->setEnabled(false);
    m_area->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    m_cancel->setFocus();
}

void AreaListView::setFilter(const QString& text)
{
    m_filter->setText(text);
}

void AreaListView::onProgress(const QString& text, qint64 done, qint64 total)
{
    m_progressText->setText(text);
    if (total <= 0) {
        m_progress->setRange(0, 0); // preparing: busy
        return;
    }
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(done * 1000 / total));
}

void AreaListView::onFinished(const AreaListService::Outcome& o)
{
    m_sync->setEnabled(true);
    m_area->setEnabled(true);
    m_cancel->setEnabled(false);
    m_progress->setVisible(false);
    const QLocale l = locale();
    // Read after the service's commit: the as-of is the list's own, never promised earlier.
    const AreaSyncState state = m_service->state(currentAreaId());
    QString text;
    if (o.ok) {
        const QString asOf = state.asOf ? asOfText(*state.asOf) : QString();
        text = (o.problems > 0 ? tr("Partly up to date as of %1: %Ln problem(s) reported by the "
                                    "service.",
                                    nullptr, int(qMin<qint64>(o.problems, INT_MAX)))
                               : tr("Up to date as of %1."))
                   .arg(asOf) +
               u' ' +
               tr("%1 people and %2 plans changed.")
                   .arg(l.toString(o.patients), l.toString(o.careTeams));
    } else if (o.cancelled) {
        // The user's choice: said plainly, with what is still shown, not as a failure.
        text = state.asOf
                   ? tr("Sync cancelled; the list shown is as of %1.").arg(asOfText(*state.asOf))
                   : tr("Sync cancelled; no list has been synced yet.");
    } else {
        text = tr("Sync failed.");
    }
    if (o.ok && o.deleted > 0)
        text += u' ' + tr("%Ln record(s) the service deleted were removed from the list.", nullptr,
                          int(qMin<qint64>(o.deleted, INT_MAX)));
    m_progressText->setText(text);
    if (o.ok)
        showArea();
    else
        showState();
    m_sync->setFocus();
}

void AreaListView::updateCount()
{
    const QLocale l = locale();
    m_count->setText(tr("%1 of %2 rows shown")
                         .arg(l.toString(m_model->rowCount()), l.toString(m_model->totalRows())));
}

// "14:02" for a list as of today, else with its date: the user reads which day it is.
QString AreaListView::asOfText(const QDateTime& asOf) const
{
    return ukDate(asOf) == ukDate(m_clock->nowUtc()) ? display::time(asOf)
                                                     : display::dateTime(asOf);
}

QString AreaListView::suggestedExportPath() const
{
    QString folder = m_exportFolder;
    if (folder.isEmpty())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString id = currentAreaId();
    const AreaSyncState state = m_service->state(id);
    QString area = slug(state.areaName);
    if (area.isEmpty()) {
        for (const AreaInfo& a : m_areas)
            if (a.id == id)
                area = slug(a.name);
    }
    if (area.isEmpty())
        area = slug(id);
    const QDate day = ukDate(state.asOf ? *state.asOf : m_clock->nowUtc());
    const QString name =
        QStringLiteral("area-list-%1-%2.csv").arg(area, day.toString(QStringLiteral("yyyy-MM-dd")));
    return QDir(folder).filePath(name);
}

void AreaListView::exportCsv()
{
    const QString suggested = suggestedExportPath();
    // The dialog asks before it names an existing file, so its answer may replace one.
    const QString path = m_chooseFile
                             ? m_chooseFile(suggested)
                             : QFileDialog::getSaveFileName(this, tr("Export area list"), suggested,
                                                            tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path, ExportFile::Existing::Replace);
}

bool AreaListView::exportTo(const QString& path, ExportFile::Existing existing)
{
    ExportFile file(path, existing);
    if (auto opened = file.open(); !opened) {
        switch (opened.error().code) {
        case ExportFile::Error::Code::Exists:
            m_progressText->setText(tr("A file of that name already exists: choose another name."));
            break;
        case ExportFile::Error::Code::NotRegular:
            m_progressText->setText(
                tr("That name is a link or not an ordinary file: choose another name."));
            break;
        case ExportFile::Error::Code::Io:
            m_progressText->setText(tr("The file could not be opened for writing."));
            break;
        }
        return false;
    }
    const auto rows = m_model->visibleRows();
    const auto written = m_service->exportCsv(m_session, currentAreaId(), rows, file.device());
    if (!written) {
        file.discard();
        m_progressText->setText(written.error());
        return false;
    }
    if (!file.commit()) {
        m_progressText->setText(tr("The file could not be written."));
        return false;
    }
    m_progressText->setText(tr("Exported %Ln rows.", nullptr, int(written.value())));
    emit exported(path, written.value());
    return true;
}

} // namespace cpis::ui
