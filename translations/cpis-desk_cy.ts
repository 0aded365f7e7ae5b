<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy">
<context>
    <name>LookupResult</name>
    <message numerus="yes">
        <source>The national service is busy. Try again in %n second(s).</source>
        <translation>
            <numerusform>Mae&apos;r gwasanaeth cenedlaethol yn brysur. Rhowch gynnig arall ymhen %n eiliad.</numerusform>
            <numerusform>Mae&apos;r gwasanaeth cenedlaethol yn brysur. Rhowch gynnig arall ymhen %n eiliad.</numerusform>
            <numerusform>Mae&apos;r gwasanaeth cenedlaethol yn brysur. Rhowch gynnig arall ymhen %n eiliad.</numerusform>
            <numerusform>Mae&apos;r gwasanaeth cenedlaethol yn brysur. Rhowch gynnig arall ymhen %n eiliad.</numerusform>
            <numerusform>Mae&apos;r gwasanaeth cenedlaethol yn brysur. Rhowch gynnig arall ymhen %n eiliad.</numerusform>
        </translation>
    </message>
    <message>
        <source>Child Protection Plan</source>
        <translation>Cynllun Amddiffyn Plentyn</translation>
    </message>
    <message>
        <source>Looked After Child</source>
        <translation>Plentyn sy&apos;n Derbyn Gofal</translation>
    </message>
    <message>
        <source>Unborn Child Protection Plan</source>
        <translation>Cynllun Amddiffyn Plentyn yn y Groth</translation>
    </message>
</context>
<context>
    <name>NhsNumber</name>
    <message>
        <source>Enter an NHS number.</source>
        <translation>Rhowch rif GIG.</translation>
    </message>
    <message>
        <source>An NHS number has only digits (spaces and hyphens are allowed between them).</source>
        <translation>Dim ond digidau sydd mewn rhif GIG (caniateir bylchau a chysylltnodau rhyngddynt).</translation>
    </message>
    <message>
        <source>An NHS number has 10 digits.</source>
        <translation>Mae gan rif GIG 10 digid.</translation>
    </message>
    <message>
        <source>This is not a valid NHS number: no NHS number starts with these nine digits.</source>
        <translation>Nid yw hwn yn rhif GIG dilys: nid oes rhif GIG yn dechrau gyda&apos;r naw digid hyn.</translation>
    </message>
    <message>
        <source>This is not a valid NHS number: the last digit does not match. Check for a typing error.</source>
        <translation>Nid yw hwn yn rhif GIG dilys: nid yw&apos;r digid olaf yn cyfateb. Gwiriwch am gamgymeriad teipio.</translation>
    </message>
</context>
<context>
    <name>QCoreApplication</name>
    <message>
        <source>The national service is busy. Try again shortly.</source>
        <translation>Mae&apos;r gwasanaeth cenedlaethol yn brysur. Rhowch gynnig arall yn fuan.</translation>
    </message>
</context>
<context>
    <name>cpis::LookupResult</name>
    <message>
        <source>The national service could not be reached.</source>
        <translation>Nid oedd modd cyrraedd y gwasanaeth cenedlaethol.</translation>
    </message>
    <message>
        <source>The national service did not answer in time.</source>
        <translation>Ni atebodd y gwasanaeth cenedlaethol mewn pryd.</translation>
    </message>
    <message>
        <source>The national service reported an error.</source>
        <translation>Adroddodd y gwasanaeth cenedlaethol wall.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again to check CP-IS.</source>
        <translation>Mae eich mewngofnodi wedi dod i ben. Mewngofnodwch eto i wirio CP-IS.</translation>
    </message>
    <message>
        <source>The national service sent an answer that could not be read.</source>
        <translation>Anfonodd y gwasanaeth cenedlaethol ateb nad oedd modd ei ddarllen.</translation>
    </message>
    <message>
        <source>The national service refused access for your role.</source>
        <translation>Gwrthododd y gwasanaeth cenedlaethol fynediad i&apos;ch rôl.</translation>
    </message>
    <message>
        <source>This NHS number is not known to the Personal Demographics Service. Check the number with the person.</source>
        <translation>Nid yw&apos;r Gwasanaeth Demograffeg Personol yn adnabod y rhif GIG hwn. Gwiriwch y rhif gyda&apos;r person.</translation>
    </message>
    <message>
        <source>Your role does not include access to CP-IS.</source>
        <translation>Nid yw eich rôl yn cynnwys mynediad i CP-IS.</translation>
    </message>
</context>
<context>
    <name>cpis::SignInFlow</name>
    <message>
        <source>Could not open a local port for the sign-in reply: %1</source>
        <translation>Nid oedd modd agor porth lleol ar gyfer yr ateb mewngofnodi: %1</translation>
    </message>
    <message>
        <source>The sign-in reply did not match this sign-in attempt.</source>
        <translation>Nid oedd yr ateb mewngofnodi yn cyfateb i&apos;r ymgais hon i fewngofnodi.</translation>
    </message>
    <message>
        <source>Sign-in was refused: %1</source>
        <translation>Gwrthodwyd y mewngofnodi: %1</translation>
    </message>
    <message>
        <source>The sign-in reply carried no authorization code.</source>
        <translation>Nid oedd cod awdurdodi yn yr ateb mewngofnodi.</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Methodd y mewngofnodi: %1</translation>
    </message>
    <message>
        <source>The sign-in service gave an unusable token.</source>
        <translation>Rhoddodd y gwasanaeth mewngofnodi docyn na ellir ei ddefnyddio.</translation>
    </message>
    <message>
        <source>Could not read your user details: %1</source>
        <translation>Nid oedd modd darllen eich manylion defnyddiwr: %1</translation>
    </message>
    <message>
        <source>Your user details name no selected role.</source>
        <translation>Nid yw eich manylion defnyddiwr yn enwi rôl a ddewiswyd.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::AccessHistoryModel</name>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôl</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Sefydliad</translation>
    </message>
</context>
<context>
    <name>cpis::ui::CpisResultView</name>
    <message>
        <source>Access history (most recent 25)</source>
        <translation>Hanes mynediad (y 25 diweddaraf)</translation>
    </message>
    <message>
        <source>Access history</source>
        <translation>Hanes mynediad</translation>
    </message>
    <message>
        <source>CP-IS ALERT: this person is known to children&apos;s social care</source>
        <translation>RHYBUDD CP-IS: mae gofal cymdeithasol plant yn adnabod y person hwn</translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s) on CP-IS for NHS No. %1</source>
        <translation>
            <numerusform>%n cynllun ar CP-IS ar gyfer Rhif GIG %1</numerusform>
            <numerusform>%n cynllun ar CP-IS ar gyfer Rhif GIG %1</numerusform>
            <numerusform>%n cynllun ar CP-IS ar gyfer Rhif GIG %1</numerusform>
            <numerusform>%n cynllun ar CP-IS ar gyfer Rhif GIG %1</numerusform>
            <numerusform>%n cynllun ar CP-IS ar gyfer Rhif GIG %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(all ended)</source>
        <translation>(pob un wedi dod i ben)</translation>
    </message>
    <message>
        <source>Contact the responsible local authority as your local procedure says.</source>
        <translation>Cysylltwch â&apos;r awdurdod lleol cyfrifol fel y dywed eich gweithdrefn leol.</translation>
    </message>
    <message>
        <source>No CP-IS record found</source>
        <translation>Ni chanfuwyd cofnod CP-IS</translation>
    </message>
    <message>
        <source>CP-IS was checked for NHS No. %1 at %2 and holds no Child Protection Plan, Looked After Child or Unborn Child Protection Plan record. This does not mean the child is safe: use your professional judgement.</source>
        <translation>Gwiriwyd CP-IS ar gyfer Rhif GIG %1 am %2 ac nid yw&apos;n dal cofnod Cynllun Amddiffyn Plentyn, Plentyn sy&apos;n Derbyn Gofal na Chynllun Amddiffyn Plentyn yn y Groth. Nid yw hyn yn golygu bod y plentyn yn ddiogel: defnyddiwch eich barn broffesiynol.</translation>
    </message>
    <message>
        <source>CP-IS COULD NOT BE CHECKED</source>
        <translation>NID OEDD MODD GWIRIO CP-IS</translation>
    </message>
    <message>
        <source>Follow local safeguarding procedure.</source>
        <translation>Dilynwch y weithdrefn ddiogelu leol.</translation>
    </message>
    <message numerus="yes">
        <source>OFFLINE COPY, as of %1 (%n hour(s) old), not a live answer. %2</source>
        <translation>
            <numerusform>COPI ALL-LEIN, fel yr oedd am %1 (%n awr oed), nid ateb byw. %2</numerusform>
            <numerusform>COPI ALL-LEIN, fel yr oedd am %1 (%n awr oed), nid ateb byw. %2</numerusform>
            <numerusform>COPI ALL-LEIN, fel yr oedd am %1 (%n awr oed), nid ateb byw. %2</numerusform>
            <numerusform>COPI ALL-LEIN, fel yr oedd am %1 (%n awr oed), nid ateb byw. %2</numerusform>
            <numerusform>COPI ALL-LEIN, fel yr oedd am %1 (%n awr oed), nid ateb byw. %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Access history could not be loaded.</source>
        <translation>Nid oedd modd llwytho&apos;r hanes mynediad.</translation>
    </message>
    <message>
        <source>CP-IS result</source>
        <translation>Canlyniad CP-IS</translation>
    </message>
</context>
<context>
    <name>cpis::ui::MainWindow</name>
    <message>
        <source>CP-IS Desk</source>
        <translation>Desg CP-IS</translation>
    </message>
    <message>
        <source>TRAINING: synthetic data</source>
        <translation>HYFFORDDIANT: data synthetig</translation>
    </message>
    <message>
        <source>Training mode: all data is synthetic</source>
        <translation>Modd hyfforddi: mae&apos;r holl ddata yn synthetig</translation>
    </message>
    <message>
        <source>CP-IS Desk

Connected to %1</source>
        <translation>Desg CP-IS

Wedi cysylltu â %1</translation>
    </message>
    <message>
        <source>Service address</source>
        <translation>Cyfeiriad y gwasanaeth</translation>
    </message>
    <message>
        <source>Training mode</source>
        <translation>Modd hyfforddi</translation>
    </message>
    <message>
        <source>Live service</source>
        <translation>Gwasanaeth byw</translation>
    </message>
</context>
<context>
    <name>cpis::ui::NhsNumberEdit</name>
    <message>
        <source>NHS number</source>
        <translation>Rhif GIG</translation>
    </message>
    <message>
        <source>Type or paste a 10-digit NHS number, then press Enter.</source>
        <translation>Teipiwch neu gludwch rif GIG 10 digid, yna pwyswch Enter.</translation>
    </message>
    <message>
        <source>NHS number, e.g. 943 476 5919</source>
        <translation>Rhif GIG, e.e. 943 476 5919</translation>
    </message>
</context>
<context>
    <name>cpis::ui::PatientBanner</name>
    <message>
        <source>Patient banner</source>
        <translation>Baner y claf</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Ganwyd</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Rhywedd</translation>
    </message>
    <message>
        <source>NHS No.</source>
        <translation>Rhif GIG</translation>
    </message>
    <message>
        <source>The NHS number %1 has been replaced by %2. Use the new number from now on.</source>
        <translation>Mae %2 wedi disodli&apos;r rhif GIG %1. Defnyddiwch y rhif newydd o hyn ymlaen.</translation>
    </message>
    <message>
        <source>Restricted record: address and contact details are withheld.</source>
        <translation>Cofnod cyfyngedig: mae&apos;r cyfeiriad a&apos;r manylion cyswllt wedi&apos;u dal yn ôl.</translation>
    </message>
    <message>
        <source>%1, born %2, gender %3, NHS number %4</source>
        <translation>%1, ganwyd %2, rhywedd %3, rhif GIG %4</translation>
    </message>
</context>
<context>
    <name>cpis::ui::PlanCard</name>
    <message>
        <source>Started %1</source>
        <translation>Dechreuodd %1</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>Parhaus</translation>
    </message>
    <message>
        <source>ENDED %1</source>
        <translation>DAETH I BEN %1</translation>
    </message>
    <message>
        <source>Ends %1</source>
        <translation>Yn dod i ben %1</translation>
    </message>
    <message>
        <source> (ended)</source>
        <translation> (wedi dod i ben)</translation>
    </message>
    <message>
        <source>Responsible local authority: %1</source>
        <translation>Awdurdod lleol cyfrifol: %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copïo</translation>
    </message>
    <message>
        <source>Copy %1 number</source>
        <translation>Copïo rhif %1</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>Oriau swyddfa</translation>
    </message>
    <message>
        <source>Emergency duty (out of hours)</source>
        <translation>Dyletswydd argyfwng (y tu allan i oriau)</translation>
    </message>
</context>
<context>
    <name>display</name>
    <message>
        <source>Not Known</source>
        <translation>Anhysbys</translation>
    </message>
    <message>
        <source>%1d</source>
        <translation>%1d</translation>
    </message>
    <message>
        <source>%1w</source>
        <translation>%1w</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1m</translation>
    </message>
    <message>
        <source>%1y</source>
        <translation>%1b</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Benyw</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Gwryw</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Arall</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Child Protection - Information Sharing desk client.</source>
        <translation>Cleient desg Amddiffyn Plant - Rhannu Gwybodaeth.</translation>
    </message>
    <message>
        <source>Run against the built-in sandbox with synthetic data.</source>
        <translation>Rhedeg yn erbyn y blwch tywod adeiledig gyda data synthetig.</translation>
    </message>
    <message>
        <source>CP-IS Desk</source>
        <translation>Desg CP-IS</translation>
    </message>
    <message>
        <source>The training sandbox could not start: %1</source>
        <translation>Nid oedd modd cychwyn y blwch tywod hyfforddi: %1</translation>
    </message>
</context>
</TS>
