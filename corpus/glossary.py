"""Indonesian and English words of news questions, both ways (written for this project).

Readers ask in English about Indonesian articles. The reader model was trained on Indonesian questions and gives an
English one low probabilities even when it points at the right words. Given the same question word by word in
Indonesian ("siapa menang SMA putra tunggal di Kalimantan Tengah pelajar bulu tangkis kejuaraan?": `rough_indonesian()`)
it finds the answer far more often (docs/reader.md, eleventh session). Training goes the other way: train/english.py
turns FacQA questions into rough English with the first list.

Names, numbers and words the lists do not know stay as they are.
"""
from __future__ import annotations

import re

# Indonesian to English: common words of news questions (train/english.py reads it this way).
INDONESIAN_TO_ENGLISH = dict(line.split(":", 1) for line in """\
yang:that di:in pada:on dari:from dan:and untuk:for dalam:in oleh:by ke:to sebagai:as dengan:with sejak:since
ini:this itu:that saat:when bahwa:that atas:on tentang:about terhadap:against kepada:to antara:between
hingga:until sampai:until sebelum:before setelah:after selama:during ketika:when karena:because akibat:due_to
melalui:through menurut:according_to bagi:for secara:in serta:and atau:or juga:also tidak:not belum:not_yet
sudah:already telah:has akan:will dapat:can bisa:can harus:must pernah:ever masih:still sedang:is
tahun:year tanggal:date bulan:month hari:day minggu:week waktu:time jam:hour abad:century dekade:decade
lalu:last depan:next baru:new lama:old terakhir:last pertama:first kedua:second ketiga:third sekarang:now
kini:now awal:beginning akhir:end
nama:name negara:country kota:city provinsi:province propinsi:province kabupaten:regency desa:village
daerah:region wilayah:area kawasan:area pulau:island laut:sea pantai:beach pesisir:coast gunung:mountain
danau:lake sungai:river hutan:forest tanah:land lahan:land air:water udara:air bumi:earth dunia:world
jalan:road bandara:airport pelabuhan:port stasiun:station gedung:building rumah:house sekolah:school
universitas:university kantor:office pasar:market pabrik:factory lokasi:location
tempat:place letak:location terletak:located berada:located berlokasi:located asal:origin berasal:comes
warga:citizens penduduk:population masyarakat:people orang:people anak:child anak-anak:children
perempuan:woman wanita:woman laki-laki:man pria:man keluarga:family korban:victims penumpang:passengers
pemerintah:government presiden:president menteri:minister gubernur:governor bupati:regent walikota:mayor
wali:mayor ketua:chairman kepala:head direktur:director pimpinan:leader pemimpin:leader anggota:member
mantan:former juru:spokes bicara:speak wakil:deputy sekretaris:secretary jenderal:general polisi:police
kepolisian:police tentara:army militer:military pasukan:troops hakim:judge jaksa:prosecutor
pengadilan:court tersangka:suspect terdakwa:defendant pelaku:perpetrator kasus:case hukuman:sentence
penjara:prison ditangkap:arrested menangkap:arrest pembunuhan:murder korupsi:corruption
partai:party pemilu:election pemilihan:election kandidat:candidate calon:candidate suara:votes
parlemen:parliament dewan:council badan:agency lembaga:institution organisasi:organization
departemen:department kementerian:ministry perusahaan:company maskapai:airline bank:bank kelompok:group
tim:team klub:club grup:group asosiasi:association komisi:commission
perang:war serangan:attack ledakan:explosion bom:bomb kecelakaan:accident bencana:disaster gempa:earthquake
banjir:flood longsor:landslide kebakaran:fire topan:typhoon badai:storm tsunami:tsunami letusan:eruption
penyakit:disease virus:virus obat:medicine vaksin:vaccine kesehatan:health meninggal:died tewas:killed
menewaskan:killed luka:injured selamat:survived hilang:missing
harga:price biaya:cost uang:money dana:fund anggaran:budget pajak:tax utang:debt saham:shares
ekspor:export impor:import produksi:production produk:product industri:industry perdagangan:trade
ekonomi:economy investasi:investment bantuan:aid gaji:salary
minyak:oil gas:gas listrik:electricity energi:energy bahan:material bakar:fuel batu:stone bara:coal
emas:gold perak:silver perunggu:bronze kayu:wood besi:iron
pesawat:plane kapal:ship kereta:train mobil:car bus:bus motor:motorcycle penerbangan:flight
jumlah:number total:total persen:percent juta:million miliar:billion ribu:thousand ratusan:hundreds
ribuan:thousands ton:tons meter:meters kilometer:kilometers hektar:hectares luas:area panjang:length
tinggi:height usia:age umur:age kapasitas:capacity nilai:value tingkat:rate
satu:one dua:two tiga:three empat:four lima:five enam:six tujuh:seven delapan:eight sembilan:nine
sepuluh:ten seratus:one_hundred
besar:large kecil:small terbesar:largest tertinggi:highest terbaik:best utama:main pusat:central
nasional:national internasional:international daerah:regional umum:general
juara:champion kejuaraan:championship pertandingan:match final:final medali:medal gelar:title
atlet:athlete pemain:player pelatih:coach olahraga:sport sepak:foot bola:ball bulu:feather tangkis:badminton
renang:swimming lari:running piala:cup turnamen:tournament
film:film buku:book lagu:song musik:music lukisan:painting judul:title berjudul:titled karya:work
penghargaan:award festival:festival acara:event pameran:exhibition budaya:culture seni:art
penelitian:research peneliti:researcher ahli:expert ilmuwan:scientist teknologi:technology
program:program proyek:project pembangunan:construction sistem:system jenis:type bidang:field
hewan:animal ikan:fish burung:bird tanaman:plant tumbuhan:plant
melakukan:do dilakukan:carried_out membuat:make dibuat:made membangun:build dibangun:built
menjadi:become merupakan:is adalah:is memiliki:has dimiliki:owned milik:owned_by mempunyai:has
mendapat:received mendapatkan:obtained menerima:received diterima:received memperoleh:obtained
diperoleh:obtained meraih:won memenangkan:won dimenangkan:won menang:won mengalahkan:defeated
memimpin:led dipimpin:led_by diketuai:chaired_by menjabat:served_as menggantikan:replaced
mengatakan:said menyatakan:stated menyebutkan:mentioned mengumumkan:announced dinyatakan:declared
ditemukan:found menemukan:found digunakan:used menggunakan:use dikembangkan:developed
mengembangkan:develop diadakan:held digelar:held diselenggarakan:held berlangsung:took_place
dilaksanakan:carried_out terjadi:happened terjadinya:the_occurrence_of mulai:start dimulai:started
dibuka:opened membuka:open ditutup:closed menutup:close meluncurkan:launched diluncurkan:launched
mencapai:reached meningkat:increased turun:fell naik:rose kenaikan:increase penurunan:decrease
bekerja:work sama:same kerja:work menyerahkan:handed_over memberikan:gave
diberikan:given ikut:join mengikuti:follow mewakili:represent mendukung:support menolak:reject
membeli:buy menjual:sell membayar:pay ditetapkan:set menetapkan:set disebut:called dikenal:known
lahir:born tinggal:live masuk:enter keluar:leave datang:come pergi:go kembali:return jatuh:fell
hancur:destroyed rusak:damaged melanda:hit terkena:affected
nomor:number latin:latin per:per berhasil:managed kepanjangan:stands_for sekitar:about para:the putra:men's
ada:there_is kali:times peraih:winner sebesar:amounting_to senam:gymnastics salah:one diadakannya:the_holding_of
rumput:grass mutiara:pearl putri:women's berdarah:bloody rekor:record banyak:many budidaya:farming nuklir:nuclear
wahana:vehicle antariksa:space ilegal:illegal mengenai:about catatan:record sejumlah:a_number_of gaya:style
katak:frog pertemuan:meeting peristiwa:event agar:so_that ulang:again angkasa:space suku:tribe surya:solar
selain:besides perairan:waters seluruh:all mendarat:landed jabatan:position ruang:room kubik:cubic jarak:distance
bersama:together mengalami:experienced usaha:business warisan:heritage sehingga:so hasil:result lain:other
mencalonkan:nominated putaran:round ditulis:written berlangsungnya:the_taking_place_of candi:temple
kebutuhan:needs dihasilkan:produced sumber:source nyamuk:mosquito kuota:quota sempat:had jiwa:lives
tekstil:textile cacing:worm bawah:below politik:political lapangan:field pakar:expert pembangkit:power_plant
sidang:session beroperasi:operating alam:nature proses:process rasa:taste terdapat:there_are darurat:emergency
bangsa:nation pasangan:pair nominasi:nomination bebas:free masa:period paling:most pesta:party kemudian:then
mengadakan:held jurusan:major suaka:sanctuary margasatwa:wildlife peneluran:nesting dikeluarkan:issued
peti:box gitar:guitar berisi:containing urutan:order gen:gene penulis:writer harimau:tiger panas:heat
mereka:they rata-rata:average menaikkan:raised akhirnya:finally kategori:category periode:period
penganggur:unemployed isu:issue gugatan:lawsuit dilakukannya:the_doing_of karang:coral pendangkalan:silting
sebuah:a terlibat:involved daya:power keputusan:decision dekat:near kapsul:capsule kunjungan:visit diri:self
penderita:patients memberlakukan:imposed tenaga:power lingkungan:environment maksimum:maximum volume:volume
hama:pest kemas:package dikepalai:headed_by mencatat:recorded sutradara:director sepanjang:along
senjata:weapons satelit:satellite televisi:television tersebut:the lepas:off kredit:credit aset:assets
menyebabkan:caused spesies:species landasan:runway menyita:seized ditandatangani:signed bagian:part
protes:protest lebih:more alternatif:alternative berakhirnya:the_end_of terumbu:reef memuat:contains
pangkalan:base kondisi:condition rupiah:rupiah diproduksi:produced setiap:every kritis:critical modal:capital
solar:diesel jawab:answer rapat:meeting bensin:petrol tol:toll tarif:tariff menghindari:avoid
perbatasan:border kesepakatan:agreement tujuan:destination wisata:tourism pertumbuhan:growth daratan:land
jual:sell dibutuhkan:needed batas:limit ketentuan:provision memilih:chose kesenian:arts diundang:invited
perkiraan:estimate unjuk:show memenangi:won laporan:report pembalap:racer staf:staff tubuh:body
bersalah:guilty kentang:potato sekaligus:at_once menimbulkan:caused pemberontak:rebels mendeklarasikan:declared
pipa:pipe kadar:level bernama:named mati:dead terpilih:elected pemenang:winner berkunjung:visited nota:note
posisi:position menyutradarai:directed buah:fruit diperkirakan:estimated disutradarai:directed_by
pengangguran:unemployment institusi:institution hubungan:relations termasuk:including asing:foreign tak:not
pasokan:supply kehilangan:lost kesepahaman:understanding konservasi:conservation beras:rice setahun:a_year
menyumbangkan:donated khusus:special dipegang:held membantu:help mengatasi:overcome langsung:directly
kimia:chemical petenis:tennis_player pers:press perikanan:fisheries aksi:action olahan:processed ilmu:science
demam:fever meminta:asked hitam:black manusia:human album:album menduduki:occupied melahirkan:gave_birth
berangkat:departed kerusakan:damage memberi:gave asli:original minimal:minimum disewa:rented
menghadiri:attended mengatur:regulate dahsyat:devastating bertanggung:responsible kabinet:cabinet
terigu:flour saja:only drama:drama melarikan:fled kerusuhan:riot data:data diare:diarrhea komoditas:commodity
penutupan:closing pengurangan:reduction menyerang:attacked hanya:only cakupan:coverage unggulan:seeded
menghantam:hit anjing:dog meneliti:researched rotan:rattan punggung:back kursi:chair konstitusi:constitution
makalah:paper perkebunan:plantation kecamatan:district gencatan:ceasefire sepihak:unilateral
permukaan:surface kuda:horse cerita:story pembukaan:opening dituduhkan:charged selesai:finished
belajar:learn dokumen:document menghasilkan:produce menurunkan:lower pencipta:creator buatan:made
patung:statue direncanakan:planned dipindahkan:moved tampil:appeared arkeologi:archaeology
mempelajari:studied peninggalan:relics fasilitas:facility perminyakan:oil kecepatan:speed dinas:agency
kelautan:marine perbedaan:difference melindungi:protect lapisan:layer menangani:handle masalah:problem
kapitalisasi:capitalization membunuh:killed dibunuh:killed pendiri:founder didirikan:founded
mendirikan:founded pemilik:owner rencana:plan berencana:plans sakit:sick pulang:return mengunjungi:visited
""".split())

# English to Indonesian: forms an English question uses that the list above does not give the other way round
# (inflections, words with two Indonesian forms, Indonesian words of two parts written with "_"), and English
# words whose reversal above would mislead ("the" is "para" there). An empty right side drops the word.
ENGLISH_TO_INDONESIAN = dict(line.split(":", 1) for line in """\
the: a: an: of: is: are: was: were: be: been: being: did: does: do: has: have: had: will: would: could: should:
can: 's: there: it: its: their: his: her:
in:di at:di on:pada from:dari to:ke for:untuk by:oleh with:dengan and:dan or:atau that:yang this:ini these:ini
about:tentang after:setelah before:sebelum during:selama since:sejak until:hingga between:antara against:melawan
win:menang|meraih|menjuarai wins:menang|meraih|menjuarai won:menang|meraih|menjuarai winning:menang|meraih
winner:pemenang|juara champion:juara champions:juara title:gelar|juara singles:tunggal doubles:ganda
men's:putra women's:putri boys:putra girls:putri badminton:bulu_tangkis football:sepak_bola soccer:sepak_bola
volleyball:bola_voli basketball:bola_basket athletics:atletik chess:catur race:lomba|balap competition:lomba|kompetisi
contest:lomba|kontes tournament:turnamen|kejuaraan championship:kejuaraan games:pekan_olahraga|pertandingan
gold:emas medals:medali medal:medali score:skor|nilai final:final beat:mengalahkan defeated:mengalahkan
student:pelajar|siswa|mahasiswa students:pelajar|siswa|mahasiswa pupils:siswa|pelajar teacher:guru teachers:guru
scholarship:beasiswa scholarships:beasiswa university:universitas school:sekolah schools:sekolah
rector:rektor graduates:lulusan|wisudawan graduated:lulus|diwisuda graduation:wisuda
exported:diekspor|ekspor exports:ekspor imported:diimpor|impor imports:impor
village:desa villages:desa regency:kabupaten regencies:kabupaten district:kecamatan|distrik city:kota
province:provinsi provincial:provinsi regional:daerah local:daerah|lokal governor:gubernur regent:bupati
mayor:wali_kota|walikota head:kepala chairman:ketua chief:kepala|ketua secretary:sekretaris official:pejabat
officials:pejabat government:pemerintah minister:menteri ministry:kementerian president:presiden
police:polisi|polres|polda arrested:ditangkap|menangkap suspect:tersangka suspects:tersangka court:pengadilan
sentenced:divonis|dihukum prison:penjara jail:penjara fine:denda fined:didenda
flood:banjir floods:banjir flooded:banjir|terendam flooding:banjir submerged:terendam landslide:longsor
fire:kebakaran|api fires:kebakaran earthquake:gempa quake:gempa magnitude:magnitudo eruption:erupsi|letusan
victims:korban victim:korban dead:tewas|meninggal died:meninggal|tewas killed:tewas|meninggal deaths:korban_jiwa
injured:luka|terluka missing:hilang evacuated:mengungsi|dievakuasi fled:mengungsi|mengungsi evacuees:pengungsi
refugees:pengungsi displaced:mengungsi|pengungsi families:keluarga family:keluarga households:keluarga|rumah_tangga
houses:rumah homes:rumah house:rumah damaged:rusak destroyed:hancur|rusak residents:warga|penduduk
people:orang|warga|masyarakat person:orang population:penduduk workers:pekerja|buruh farmers:petani
fishermen:nelayan traders:pedagang vendors:pedagang|pkl hawkers:pedagang|pkl tourists:wisatawan
price:harga prices:harga cost:biaya|harga costs:biaya|harga ticket:tiket tickets:tiket fare:tarif|ongkos
budget:anggaran funds:dana fund:dana money:uang aid:bantuan assistance:bantuan grant:hibah|bantuan
salary:gaji wage:upah wages:upah tax:pajak debt:utang revenue:pendapatan spending:belanja|anggaran
million:juta billion:miliar trillion:triliun thousand:ribu percent:persen rupiah:rupiah
rice:beras paddy:padi chili:cabai|cabai_rawit chilli:cabai|cabai_rawit chillies:cabai chilies:cabai
eggs:telur egg:telur chicken:ayam sugar:gula cooking:goreng oil:minyak fuel:bbm|bahan_bakar
stock:stok|persediaan stocks:stok supply:pasokan|stok market:pasar markets:pasar harvest:panen
seeds:bibit|benih seedlings:bibit fertilizer:pupuk palm:sawit plantation:perkebunan|kebun
forest:hutan river:sungai rivers:sungai lake:danau sea:laut bridge:jembatan road:jalan roads:jalan
airport:bandara|bandar_udara airline:maskapai airlines:maskapai flight:penerbangan flights:penerbangan
route:rute ship:kapal boat:perahu|kapal boats:perahu|kapal port:pelabuhan bus:bus train:kereta
hospital:rumah_sakit patients:pasien cases:kasus case:kasus dengue:demam_berdarah|dbd disease:penyakit
vaccine:vaksin health:kesehatan doctor:dokter doctors:dokter
election:pemilu|pilkada|pemilihan candidate:calon|kandidat candidates:calon|kandidat votes:suara vote:suara
council:dewan|dprd parliament:dprd|dpr party:partai
festival:festival event:acara|kegiatan ceremony:upacara|acara exhibition:pameran culture:budaya|adat
services:layanan service:layanan public:publik|umum mall:mal office:kantor building:gedung|bangunan
opened:dibuka|membuka|diresmikan|meresmikan open:buka|dibuka opening:pembukaan inaugurated:diresmikan|meresmikan
launched:diluncurkan|meluncurkan built:dibangun|membangun construction:pembangunan|konstruksi
released:dilepasliarkan|dilepas|dirilis received:menerima|mendapat|memperoleh receive:menerima|mendapat
given:diberikan|diberi gave:memberikan|memberi distributed:disalurkan|dibagikan
held:digelar|diadakan|diselenggarakan hold:menggelar|mengadakan took:berlangsung
approved:disahkan|menyetujui|disetujui passed:disahkan signed:ditandatangani|menandatangani
appointed:ditunjuk|dilantik sworn:dilantik elected:terpilih named:ditunjuk|dinamai
reached:mencapai rose:naik|meningkat fell:turun increased:naik|meningkat decreased:turun|menurun
attended:menghadiri|hadir led:memimpin visited:mengunjungi|berkunjung said:mengatakan|menyebut
new:baru old:lama first:pertama last:terakhir|lalu next:depan|berikutnya latest:terbaru now:sekarang|kini
current:terkini|saat_ini currently:saat_ini today:hari_ini yesterday:kemarin year:tahun years:tahun month:bulan
months:bulan day:hari days:hari week:pekan|minggu
weeks:pekan|minggu hours:jam hour:jam long:panjang|lama length:panjang wide:lebar area:luas|wilayah
hectares:hektare|hektar kilometres:kilometer kilometers:kilometer km:kilometer tons:ton tonnes:ton
men:putra|pria women:putri|perempuan man:pria woman:perempuan|wanita
senior_high_school:SMA junior_high_school:SMP high_school:SMA elementary_school:SD primary_school:SD
regional_budget:APBD state_budget:APBN local_election:pilkada regional_election:pilkada
many:banyak much:banyak total:total number:jumlah how:bagaimana kinds:jenis kind:jenis types:jenis type:jenis
acting:plt|pelaksana_tugas|pj|penjabat deputy:wakil vice:wakil regional_secretary:sekda|sekretaris_daerah
deputy_governor:wakil_gubernur deputy_regent:wakil_bupati deputy_mayor:wakil_wali_kota vice_president:wakil_presiden
provincial_government:pemprov|pemerintah_provinsi regency_government:pemkab|pemerintah_kabupaten
city_government:pemkot|pemerintah_kota regional_legislature:dprd regional_parliament:dprd legislators:anggota_dewan
police_chief:kapolres|kapolda|kapolsek police_station:polsek|polres district_court:pengadilan_negeri
high_court:pengadilan_tinggi supreme_court:mahkamah_agung constitutional_court:mahkamah_konstitusi
prosecutor:jaksa prosecutors:jaksa|kejaksaan defendant:terdakwa defendants:terdakwa verdict:putusan|vonis
trial:sidang witness:saksi witnesses:saksi lawyer:kuasa_hukum|pengacara death_sentence:hukuman_mati
corruption:korupsi bribery:suap bribe:suap drugs:narkoba|narkotika methamphetamine:sabu marijuana:ganja
election_commission:kpu election_supervisory_body:bawaslu civil_servants:asn|pns civil_servant:asn|pns
village_head:kepala_desa|kades village_funds:dana_desa village_fund:dana_desa minimum_wage:upah_minimum|ump|umk
inflation:inflasi economic_growth:pertumbuhan_ekonomi poverty:kemiskinan unemployment:pengangguran
investment:investasi loan:pinjaman|kredit loans:pinjaman|kredit bank:bank company:perusahaan
coach:pelatih player:pemain players:pemain goalkeeper:kiper|penjaga_gawang match:pertandingan|laga goals:gol
goal:gol team:tim club:klub league:liga stadium:stadion rowing:dayung dragon_boat:perahu_naga marathon:maraton
swimming:renang swimmers:perenang cycling:balap_sepeda mosque:masjid church:gereja pilgrims:jemaah|jamaah
hajj:haji fishing:perikanan|nelayan cattle:sapi cows:sapi goats:kambing
""".split())


_PHRASES = sorted((k for k in ENGLISH_TO_INDONESIAN if "_" in k), key=len, reverse=True)
_PHRASE = re.compile(r"\b(" + "|".join(p.replace("_", r"\s+") for p in _PHRASES) + r")\b", re.I)
_REVERSED: dict[str, list[str]] = {}
for _indonesian, _english in INDONESIAN_TO_ENGLISH.items():
    if "_" not in _english:     # English phrases ("due_to") are not looked up
        _REVERSED.setdefault(_english, []).append(_indonesian)
_WORD = re.compile(r"\w[\w'-]*|[^\w\s]")


def _lookup(word: str) -> tuple[str, ...] | None:
    if word in ENGLISH_TO_INDONESIAN:
        return tuple(w.replace("_", " ") for w in ENGLISH_TO_INDONESIAN[word].split("|") if w)
    if word in _REVERSED:
        return tuple(_REVERSED[word])
    return None


def indonesian(word: str) -> tuple[str, ...] | None:
    """The Indonesian forms of an English word, most common first ("won" -> ("menang", "meraih", "menjuarai")); ()
    for a word that has none (an article, an auxiliary: dropped); None for a word the lists do not know. A plural
    or possessive is looked up as its singular when it is not listed itself ("hospitals" -> "hospital")."""
    word = word.lower().rstrip("'")   # "boys'"
    found = _lookup(word)
    if found is not None:
        return found
    for ending, replacement in (("'s", ""), ("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            found = _lookup(word[:-len(ending)] + replacement)
            if found is not None:
                return found
    return None


def rough_indonesian(text: str) -> str:
    """An English text word by word in Indonesian, in English order: each known word by its first Indonesian form,
    articles and auxiliaries left out; names (capitalised words after the first), numbers and unknown words stay."""
    text = _PHRASE.sub(lambda m: _lookup("_".join(m.group(0).lower().split()))[0], text)  # "senior high school"
    out = []
    for i, token in enumerate(_WORD.findall(text)):
        forms = None if (i > 0 and token[:1].isupper()) else indonesian(token)
        if forms is None:
            out.append(token)
        elif forms:
            out.append(forms[0])
    return re.sub(r"\s+([?,.!])", r"\1", " ".join(out))
