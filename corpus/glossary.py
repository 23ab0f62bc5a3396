"""Indonesian and English words of news questions, both ways (written for this project).

Readers ask in English about Indonesian articles. The reader model was trained on Indonesian questions and gives an
English one low probabilities even when it points at the right words. Given the same question word by word in
Indonesian ("siapa menang SMA putra tunggal di Kalimantan Tengah pelajar bulu tangkis kejuaraan?": `rough_indonesian()`)
it finds the answer far more often (docs/reader.md, eleventh session). Training goes the other way: train/english.py
turns FacQA questions into rough English with the first list.

Names, numbers and words the lists do not know stay as they are, unless the passages found for the question write
the word as Indonesian borrows it ("coordination": "koordinasi"; `cognates()`).
"""
from __future__ import annotations

import re
from typing import Collection

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
wilayah:area kawasan:area pulau:island laut:sea pantai:beach pesisir:coast gunung:mountain
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
atlet:athlete pemain:player pelatih:coach kapten:captain olahraga:sport sepak:foot bola:ball bulu:feather
tangkis:badminton renang:swimming lari:running piala:cup turnamen:tournament
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
# From "drought:" on: common news words by domain (disasters, health, economy, farming, transport, school,
# sport, crime, government, labour, culture, infrastructure, tourism, technology; then verbs, measures, times).
# From "administration:" on: more of every beat, with past tenses and phrases ("acquitted": divonis bebas), written
# from general news vocabulary without reading any question set (docs/reader.md, twenty-fifth session).
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
rector:rektor graduates:lulusan|wisudawan graduated:lulus|diwisuda graduation:wisuda gpa:ipk
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
appointed:ditunjuk|dilantik sworn:dilantik swear_in:melantik|dilantik swore_in:melantik|dilantik
swearing-in:pelantikan elected:terpilih named:ditunjuk|dinamai
reached:mencapai rose:naik|meningkat fell:turun increased:naik|meningkat decreased:turun|menurun
attended:menghadiri|hadir led:memimpin visited:mengunjungi|berkunjung said:mengatakan|menyebut
chairs:ketua|memimpin|kursi chaired:memimpin|ketua|dipimpin chairing:memimpin|ketua lead:memimpin|pimpin
leads:memimpin|pimpin leading:memimpin|terdepan headed:dipimpin|memimpin|kepala coached:dilatih|melatih|pelatih
manages:mengelola|memimpin managed:mengelola|dikelola oversees:mengawasi oversaw:mengawasi owns:memiliki|milik
owned:milik|dimiliki|memiliki represented:mewakili|diwakili
new:baru old:lama first:pertama last:terakhir|lalu next:depan|berikutnya latest:terbaru now:sekarang|kini
current:terkini|saat_ini currently:saat_ini today:hari_ini yesterday:kemarin year:tahun years:tahun month:bulan
months:bulan day:hari days:hari week:pekan|minggu
weeks:pekan|minggu hours:jam hour:jam long:panjang|lama length:panjang wide:lebar area:luas|wilayah
hectares:hektare|hektar kilometres:kilometer kilometers:kilometer km:kilometer tons:ton tonnes:ton
men:putra|pria women:putri|perempuan man:pria woman:perempuan|wanita
senior_high_school:SMA junior_high_school:SMP high_school:SMA elementary_school:SD primary_school:SD
regional_budget:APBD state_budget:APBN local_election:pilkada regional_election:pilkada
many:banyak much:banyak total:total number:jumlah how:bagaimana kinds:jenis kind:jenis types:jenis type:jenis
enough:cukup sufficient:cukup still:masih already:sudah
acting:plt|pelaksana_tugas|pj|penjabat deputy:wakil vice:wakil regional_secretary:sekda|sekretaris_daerah
deputy_governor:wakil_gubernur deputy_regent:wakil_bupati deputy_mayor:wakil_wali_kota vice_president:wakil_presiden
provincial_government:pemprov|pemerintah_provinsi regency_government:pemkab|pemerintah_kabupaten
city_government:pemkot|pemerintah_kota regional_legislature:dprd regional_parliament:dprd legislators:anggota_dewan
police_chief:kapolres|kapolda|kapolsek police_station:polsek|polres district_court:pengadilan_negeri
high_court:pengadilan_tinggi supreme_court:mahkamah_agung constitutional_court:mahkamah_konstitusi
prosecutor:jaksa prosecutors:jaksa|kejaksaan defendant:terdakwa defendants:terdakwa verdict:putusan|vonis
trial:sidang witness:saksi witnesses:saksi lawyer:kuasa_hukum|pengacara death_sentence:hukuman_mati
corruption:korupsi bribery:suap bribe:suap drugs:narkoba|narkotika methamphetamine:sabu marijuana:ganja
election_commission:kpu election_supervisory_body:bawaslu civil_servant:asn|pns
village_head:kepala_desa|kades village_fund:dana_desa minimum_wage:upah_minimum|ump|umk
inflation:inflasi economic_growth:pertumbuhan_ekonomi poverty:kemiskinan unemployment:pengangguran
investment:investasi loan:pinjaman|kredit loans:pinjaman|kredit bank:bank company:perusahaan
coach:pelatih captain:kapten player:pemain players:pemain goalkeeper:kiper|penjaga_gawang match:pertandingan|laga
goals:gol goal:gol team:tim club:klub league:liga stadium:stadion rowing:dayung dragon_boat:perahu_naga marathon:maraton
swimming:renang swimmers:perenang cycling:balap_sepeda mosque:masjid church:gereja pilgrims:jemaah|jamaah
hajj:haji fishing:perikanan|nelayan cattle:sapi cows:sapi goats:kambing
drought:kekeringan|kemarau dry_season:musim_kemarau rainy_season:musim_hujan haze:kabut_asap|asap smoke:asap
tide:pasang|rob tidal_flood:banjir_rob|rob tidal_flooding:banjir_rob|rob high_tide:rob|pasang
rainfall:curah_hujan|hujan rain:hujan heavy_rain:hujan_deras|hujan_lebat heavy:berat|deras|lebat wind:angin
strong_winds:angin_kencang
whirlwind:puting_beliung|angin_puting_beliung wave:gelombang high_waves:gelombang_tinggi weather:cuaca
extreme_weather:cuaca_ekstrem disaster_management_agency:bpbd|bnpb regional_disaster_management_agency:bpbd
national_disaster_management_agency:bnpb search_and_rescue:sar|pencarian_dan_pertolongan
rescue_team:tim_sar|tim_penyelamat rescuers:tim_sar|petugas|penyelamat
rescue:penyelamatan|evakuasi rescued:diselamatkan|dievakuasi search:pencarian searched:mencari|dicari
evacuate:evakuasi|mengevakuasi evacuation:evakuasi shelter:pengungsian|posko_pengungsian|penampungan
command_post:posko post:pos|posko relief:bantuan|bantuan_kemanusiaan logistics:logistik|bantuan_logistik
donation:donasi|sumbangan emergency_response:tanggap_darurat
state_of_emergency:status_tanggap_darurat|status_darurat alert:siaga|waspada warning:peringatan|imbauan
early_warning:peringatan_dini volcano:gunung_api|gunung_berapi volcanic_ash:abu_vulkanik|abu
aftershock:gempa_susulan epicentre:pusat_gempa epicenter:pusat_gempa abrasion:abrasi
forest_fire:kebakaran_hutan|karhutla forest_fires:kebakaran_hutan|karhutla land_fires:kebakaran_lahan|karhutla
wildfire:kebakaran_hutan|karhutla hotspot:titik_panas|hotspot burned:terbakar|dibakar burnt:terbakar|dibakar
affected:terdampak|terkena impacted:terdampak impact:dampak collapsed:ambruk|roboh|runtuh swept_away:hanyut|terseret
drowned:tenggelam buried:tertimbun|dimakamkan trapped:terjebak|terperangkap loss:kerugian survivor:korban_selamat
casualty:korban|korban_jiwa bodies:jenazah|jasad death_toll:korban_jiwa|jumlah_korban tent:tenda food:makanan|pangan
basic_necessities:sembako|kebutuhan_pokok staples:sembako|bahan_pokok public_kitchen:dapur_umum volunteer:relawan
personnel:personel|petugas officer:petugas|personel deployed:dikerahkan|diterjunkan deploy:mengerahkan|menerjunkan
clinic:klinik community_health_centre:puskesmas community_health_center:puskesmas health_centre:puskesmas
health_center:puskesmas nurse:perawat midwife:bidan midwives:bidan medical:medis medical_personnel:tenaga_medis
health_workers:tenaga_kesehatan|nakes stunting:stunting|tengkes malnutrition:gizi_buruk|kurang_gizi nutrition:gizi
measles:campak tuberculosis:tuberkulosis|tbc outbreak:wabah|klb immunization:imunisasi immunisation:imunisasi
vaccination:vaksinasi bed:tempat_tidur|bed ward:ruang_rawat|bangsal|ruangan inpatient:rawat_inap
treated:dirawat|ditangani treat:menangani|merawat treatment:perawatan|pengobatan dialysis:cuci_darah|hemodialisis
pregnant_women:ibu_hamil
mother:ibu baby:bayi toddler:balita elderly:lansia death:kematian|meninggal health_insurance:bpjs_kesehatan|jkn
drug:narkoba|obat ambulance:ambulans infected:terinfeksi|terjangkit poisoning:keracunan
food_poisoning:keracunan_makanan health_office:dinas_kesehatan|dinkes health_agency:dinas_kesehatan|dinkes
regional_general_hospital:rsud
price_hike:kenaikan_harga price_increase:kenaikan_harga rise:kenaikan|naik rising:naik|meningkat
raise:kenaikan|menaikkan drop:penurunan|turun dropped:turun|anjlok decline:penurunan|turun declined:turun|menurun
soared:melonjak surge:lonjakan stable:stabil expensive:mahal cheap:murah seller:penjual|pedagang buyer:pembeli
consumer:konsumen shallot:bawang_merah garlic:bawang_putih beef:daging_sapi meat:daging cooking_oil:minyak_goreng
rubber:karet palm_oil:minyak_sawit|sawit|cpo crude_palm_oil:cpo|minyak_sawit_mentah oil_palm:kelapa_sawit|sawit
coconut:kelapa coffee:kopi cocoa:kakao pepper:lada corn:jagung salt:garam vegetables:sayur|sayuran
catch:tangkapan|hasil_tangkapan seaweed:rumput_laut shrimp:udang livestock:ternak sacrificial_animals:hewan_kurban
farmer:petani worker:pekerja|buruh fisherman:nelayan trader:pedagang vendor:pedagang|pkl tourist:wisatawan
resident:warga|penduduk patient:pasien passenger:penumpang economic:ekonomi msme:umkm
small_businesses:umkm|usaha_kecil entrepreneurs:pengusaha|wirausaha shop:toko sale:penjualan sold:terjual|dijual
demand:permintaan shortage:kelangkaan|kekurangan scarce:langka market_operation:operasi_pasar subsidy:subsidi
subsidized:bersubsidi lpg:elpiji|lpg kilogram:kilogram|kg kg:kg|kilogram litre:liter liter:liter
worth:senilai|bernilai amount:jumlah|nilai|besaran income:pendapatan|penghasilan
local_revenue:pad|pendapatan_asli_daerah profit:laba|keuntungan investor:investor
harvested:dipanen|panen hectare:hektare|hektar ha:hektare|hektar crop_failure:gagal_panen crop:tanaman|komoditas
planting:penanaman|tanam planted:ditanam|menanam agriculture:pertanian rice_field:sawah
irrigation:irigasi peat:gambut peatland:lahan_gambut|gambut deforestation:deforestasi|penggundulan_hutan
illegal_logging:pembalakan_liar orangutan:orangutan elephant:gajah crocodile:buaya
wildlife:satwa|satwa_liar|margasatwa national_park:taman_nasional pollution:pencemaran|polusi waste:sampah|limbah
garbage:sampah mangrove:mangrove|bakau climate_change:perubahan_iklim mining:pertambangan|tambang mine:tambang
coal:batu_bara|batubara nickel:nikel gold_mine:tambang_emas illegal_mining:tambang_ilegal|penambangan_liar|peti
permit:izin seized:disita|menyita tree:pohon
stranded:terlantar|telantar|tertahan ferry:kapal_feri|feri dock:dermaga pier:dermaga harbour:pelabuhan
harbor:pelabuhan terminal:terminal ferry_terminal:pelabuhan_penyeberangan|pelabuhan crossing:penyeberangan
toll_road:jalan_tol|tol highway:jalan_raya|jalan_nasional accidents:kecelakaan
traffic_accident:kecelakaan_lalu_lintas|lakalantas traffic:lalu_lintas traffic_jam:kemacetan|macet
crash:kecelakaan|tabrakan crashed:jatuh|menabrak|kecelakaan collided:bertabrakan|tabrakan capsized:terbalik
sank:tenggelam sunk:tenggelam vehicle:kendaraan motorcycle:sepeda_motor|motor truck:truk driver:sopir|pengemudi
homecoming:mudik departure:keberangkatan arrival:kedatangan arrived:tiba delayed:tertunda|ditunda
cancelled:dibatalkan|batal postponed:ditunda|diundur crew:kru|awak transport:transportasi|angkutan vessel:kapal
planes:pesawat transportation_office:dinas_perhubungan|dishub
enrolment:penerimaan|pendaftaran enrollment:penerimaan|pendaftaran registration:pendaftaran
registered:terdaftar|mendaftar honorary_teachers:guru_honorer honorary:honorer exam:ujian campus:kampus
lecturer:dosen graduate:lulusan|lulus classroom:ruang_kelas|kelas education:pendidikan kindergarten:tk|paud
vocational_school:smk islamic_boarding_school:pesantren|pondok_pesantren dropout:putus_sekolah
free_meals:makan_bergizi_gratis|mbg meal:makan free:gratis|bebas school_year:tahun_ajaran
education_office:dinas_pendidikan|disdik
runner:pelari spectator:penonton participant:peserta participated:mengikuti|berpartisipasi athletes:atlet
medal_tally:perolehan_medali|klasemen_medali medals_tally:perolehan_medali|klasemen_medali standings:klasemen
contingent:kontingen referee:wasit runner-up:juara_kedua|runner-up overall_champion:juara_umum
provincial_sports_week:porprov national_sports_week:pon sports:olahraga martial_arts:bela_diri|pencak_silat
table_tennis:tenis_meja qualified:lolos venue:venue|tempat game:pertandingan|laga head_coach:pelatih_kepala
theft:pencurian thief:pencuri thieves:pencuri stolen:dicuri|curian robbery:perampokan robbed:dirampok
motorcycle_theft:curanmor|pencurian_sepeda_motor fraud:penipuan smuggling:penyelundupan smuggled:diselundupkan
evidence:barang_bukti|bukti detained:ditahan charged:didakwa|dijerat|dituduhkan
investigation:penyelidikan|penyidikan investigators:penyidik perpetrators:pelaku murdered:dibunuh
abuse:kekerasan|penganiayaan violence:kekerasan sexual_abuse:kekerasan_seksual|pelecehan_seksual
gambling:judi|perjudian narcotics:narkotika|narkoba dealer:pengedar law:hukum|undang-undang
crime:kejahatan|kriminal|tindak_pidana state_losses:kerugian_negara raid:razia|penggerebekan
brawl:tawuran|perkelahian clash:bentrok|bentrokan demonstration:demo|unjuk_rasa protest:unjuk_rasa|demo|protes
protesters:pengunjuk_rasa|massa|demonstran inmates:warga_binaan|narapidana|napi shot:ditembak|tembakan
regulation:peraturan|regulasi bylaw:perda|peraturan_daerah regional_regulation:perda|peraturan_daerah
draft_bylaw:raperda allocate:mengalokasikan|menganggarkan allocated:dialokasikan|dianggarkan|mengalokasikan
allocation:alokasi inaugurate:meresmikan|melantik inauguration:peresmian|pelantikan sworn_in:dilantik
head_of_agency:kepala_dinas|kadis head_of_office:kepala_dinas|kadis trade_office:dinas_perdagangan|disdag
agriculture_office:dinas_pertanian|distan fisheries_office:dinas_perikanan|dkp
tourism_office:dinas_pariwisata|dispar social_office:dinas_sosial|dinsos
public_works_office:dinas_pupr|dinas_pekerjaan_umum manpower_office:disnaker|dinas_tenaga_kerja
environment_office:dinas_lingkungan_hidup|dlh regional_revenue_agency:bapenda
fire_department:damkar|pemadam_kebakaran firefighters:damkar|pemadam_kebakaran employee:pegawai|karyawan
policy:kebijakan proposed:diusulkan|mengusulkan submitted:diajukan|mengajukan discussed:dibahas|membahas
implemented:dilaksanakan|diterapkan realization:realisasi disbursed:dicairkan|disalurkan voter:pemilih
polling_station:tps campaign:kampanye plenary:paripurna regional_head:kepala_daerah subdistrict:kecamatan
sub-district:kecamatan district_head:camat urban_village:kelurahan capital:ibu_kota|modal region:daerah|wilayah
central_government:pemerintah_pusat poor:miskin social_assistance:bansos|bantuan_sosial
cash_assistance:blt|bantuan_langsung_tunai beneficiaries:penerima|penerima_manfaat housing:perumahan|rumah
visitor:pengunjung cooperation:kerja_sama spokesperson:juru_bicara|jubir
union:serikat_pekerja|serikat_buruh layoff:phk|pemutusan_hubungan_kerja laid_off:phk|terkena_phk
job:pekerjaan|lapangan_kerja labour:tenaga_kerja|buruh
strike:mogok|mogok_kerja|mengguncang|melanda
severance:pesangon holiday_allowance:thr allowance:tunjangan
tradition:tradisi|adat traditional:tradisional|adat indigenous:adat|masyarakat_adat dance:tari|tarian
cultural_heritage:cagar_budaya|warisan_budaya religious:keagamaan|agama ramadan:ramadan|ramadhan
eid:idul_fitri|lebaran christmas:natal anniversary:hut|hari_jadi|ulang_tahun celebrated:dirayakan|merayakan
power_outage:pemadaman_listrik|pemadaman blackout:pemadaman_listrik|listrik_padam outage:pemadaman|gangguan
power_plant:pembangkit_listrik|pltu|pltd water_company:pdam clean:bersih dam:bendungan reservoir:embung|waduk
drainage:drainase|saluran embankment:tanggul infrastructure:infrastruktur repaired:diperbaiki repair:perbaikan
completed:selesai|rampung gas_station:spbu queue:antrean equipment:peralatan|alat
foreign_tourists:wisman|wisatawan_mancanegara tourism:pariwisata|wisata
tourist_destination:destinasi_wisata|objek_wisata hotel:hotel occupancy:okupansi|tingkat_hunian
holiday:libur|liburan
online:daring|online application:aplikasi|permohonan social_media:media_sosial|medsos
recorded:tercatat|mencatat|dicatat hit:melanda|menghantam|dilanda struck:mengguncang|melanda|menghantam
erupted:meletus|erupsi swept:menyapu|melanda|terseret reach:mencapai occur:terjadi occurred:terjadi
happen:terjadi cause:penyebab|menyebabkan kill:menewaskan|membunuh injury:luka|korban_luka reduce:mengurangi|menekan
prevent:mencegah handling:penanganan provided:disediakan|diberikan need:membutuhkan|butuh|kebutuhan
required:dibutuhkan|diperlukan|wajib expected:diperkirakan|diharapkan target:target|sasaran
targeted:ditargetkan|menargetkan achieved:mencapai|tercapai handed_over:diserahkan|menyerahkan sent:dikirim|mengirim
began:dimulai|mulai ended:berakhir continue:berlanjut|melanjutkan banned:dilarang
suspended:dihentikan_sementara|dinonaktifkan inspection:pemeriksaan|sidak reported:dilaporkan|melaporkan
urged:mengimbau|mendesak paid:dibayar|membayar collected:terkumpul|dikumpulkan relocated:direlokasi|dipindahkan
resigned:mengundurkan_diri|mundur competed:bertanding|berlomba grow:tumbuh back:kembali|punggung
work:bekerja|kerja|karya suffered:mengalami|menderita due_to:akibat|karena
deep:dalam depth:kedalaman high:tinggi width:lebar far:jauh fares:tarif|ongkos often:sering weight:berat|bobot
big:besar lowest:terendah low:rendah percentage:persentase unit:unit package:paket daily:harian|per_hari
annually:per_tahun|setiap_tahun approximately:sekitar roughly:sekitar overall:keseluruhan|total according:menurut
nearly:hampir at_least:sedikitnya|setidaknya|minimal
this_year:tahun_ini last_year:tahun_lalu next_year:tahun_depan morning:pagi night:malam
news:berita|kabar notes:catatan incident:kejadian|peristiwa|insiden reason:alasan|penyebab
community:masyarakat|komunitas disabled:penyandang_disabilitas|difabel major:besar|utama|jurusan
one-way:sekali_jalan round-trip:pulang_pergi minimum:minimum|minimal clean_water:air_bersih
drinking_water:air_minum|air_bersih water_supply:pasokan_air|air_bersih
polio:polio tower:menara signal:sinyal internet:internet public_service:pelayanan_publik trash:sampah
heart:jantung frost:embun_es temperature:suhu app:aplikasi
gram:gram ton:ton kilometer:kilometer meter:meter museum:museum semifinal:semifinal half_marathon:half_marathon
administration:pemerintahan|administrasi regional_government:pemda|pemerintah_daerah
local_government:pemda|pemerintah_daerah regent_office:kantor_bupati governor_office:kantor_gubernur
mayor_office:kantor_wali_kota agency:dinas|badan department:dinas|jurusan|departemen staff:staf|pegawai
contract_workers:tenaga_kontrak|pekerja_kontrak transfer:mutasi|transfer transferred:dipindahkan|dimutasi|ditransfer
decree:sk|surat_keputusan|keputusan meeting:rapat|pertemuan hearing:sidang|rapat_dengar_pendapat|rdp
development:pembangunan planning:perencanaan priority:prioritas performance:kinerja|penampilan|pertunjukan
complaint:pengaduan|keluhan expenditure:belanja|pengeluaran deficit:defisit audit:audit|pemeriksaan
audit_board:bpk unqualified_opinion:wtp|wajar_tanpa_pengecualian financial_report:laporan_keuangan
revised_budget:apbd_perubahan|apbd-p levy:retribusi|pungutan budget_absorption:serapan_anggaran|realisasi_anggaran
procurement:pengadaan tender:tender|lelang fiscal_year:tahun_anggaran regionally_owned_enterprise:bumd
budgeted:dianggarkan|menganggarkan funding:pendanaan|anggaran|dana funded:didanai|dibiayai
legislator:anggota_dewan|legislator lawmaker:anggota_dewan|legislator deliberated:dibahas|membahas
bill:raperda|ruu|tagihan ballot:surat_suara|pemungutan_suara voting:pemungutan_suara|pencoblosan
voted:memilih|mencoblos turnout:partisipasi_pemilih|partisipasi voter_turnout:partisipasi_pemilih
final_voter_list:dpt|daftar_pemilih_tetap vote_count:penghitungan_suara|perolehan_suara recapitulation:rekapitulasi
quick_count:hitung_cepat|quick_count nominated:diusung|dicalonkan|mencalonkan coalition:koalisi incumbent:petahana
re-elected:terpilih_kembali victory:kemenangan defeat:kekalahan|mengalahkan lost:kalah|kehilangan|hilang
lose:kalah|kehilangan gubernatorial_election:pilgub|pemilihan_gubernur village_head_election:pilkades
violation:pelanggaran dispute:sengketa seat:kursi political_party:partai_politik|parpol appeal:banding|imbauan
appealed:mengajukan_banding|banding cassation:kasasi public_prosecutor:jpu|jaksa_penuntut_umum
prosecutor_office:kejaksaan|kejari indicted:didakwa demanded:menuntut|dituntut|meminta sentence:vonis|hukuman|pidana
convicted:divonis|terpidana acquitted:divonis_bebas|dibebaskan correctional_facility:lapas|lembaga_pemasyarakatan
stole:mencuri|menggasak steal:mencuri embezzlement:penggelapan embezzled:menggelapkan|digelapkan bribed:menyuap|disuap
money_laundering:pencucian_uang|tppu scam:penipuan stabbed:ditusuk|menusuk assaulted:dianiaya|menganiaya
rape:pemerkosaan|rudapaksa kidnapped:diculik trafficking:perdagangan_orang|tppo
human_trafficking:perdagangan_orang|tppo crystal_meth:sabu|sabu-sabu meth:sabu|sabu-sabu
weapon:senjata|senjata_api caught:ditangkap|tertangkap|menangkap investigated:diselidiki|diperiksa|menyelidiki
questioned:diperiksa|dimintai_keterangan named_a_suspect:ditetapkan_tersangka|ditetapkan_sebagai_tersangka
fugitive:buron|dpo escaped:kabur|melarikan_diri corruption_eradication_commission:kpk
regional_police:polda|kepolisian_daerah police_officer:polisi|anggota_polisi customs:bea_cukai
helicopter:helikopter found_dead:ditemukan_tewas|ditemukan_meninggal
body:jenazah|jasad|tubuh washed_away:hanyut|terseret flash_flood:banjir_bandang
alert_level:status|level severely_damaged:rusak_berat lightly_damaged:rusak_ringan fallen_tree:pohon_tumbang
fallen_trees:pohon_tumbang lightning:petir|sambaran_petir natural_disaster:bencana_alam
estimated:diperkirakan|ditaksir estimate:perkiraan|memperkirakan|taksiran extinguished:dipadamkan|padam
fire_truck:mobil_pemadam|unit_damkar caught_fire:terbakar
search_and_rescue_agency:basarnas|kantor_sar identified:diidentifikasi|teridentifikasi
hospitalized:dirawat|dilarikan_ke_rumah_sakit minor_injuries:luka_ringan serious_injuries:luka_berat
seriously_injured:luka_berat fatalities:korban_jiwa|korban_meninggal
plateau:dataran_tinggi highland:dataran_tinggi coastal:pesisir|pantai degree:gelar|derajat
degrees_celsius:derajat_celsius hot:panas dry:kering forecast:prakiraan|prediksi|ramalan weather_agency:bmkg
meteorological_agency:bmkg season:musim air_quality:kualitas_udara water_level:tinggi_muka_air|ketinggian_air
overflowed:meluap inundated:terendam|tergenang environmental:lingkungan|lingkungan_hidup
landfill:tpa|tempat_pembuangan_akhir polluted:tercemar coral_reef:terumbu_karang
sea_turtle:penyu sea_turtles:penyu turtle:penyu|kura-kura
vaccinated:divaksin|divaksinasi emergency_room:igd|ugd|instalasi_gawat_darurat referred:dirujuk
suspected:diduga|suspek confirmed:terkonfirmasi|dikonfirmasi|membenarkan free_health_check:cek_kesehatan_gratis|ckg
maternal_mortality:kematian_ibu infant_mortality:kematian_bayi pregnant:hamil integrated_health_post:posyandu
health_facility:fasilitas_kesehatan|faskes recovered:sembuh|pulih
shipped:dikirim|diekspor|dikapalkan shipment:pengiriman supplied:dipasok|memasok
delivery:pengiriman|penyaluran delivered:dikirim|disalurkan|diantar distribution:distribusi|penyaluran
distribute:menyalurkan|membagikan|mendistribusikan cheap_market:pasar_murah
cheap_market_operation:operasi_pasar_murah|pasar_murah per_kilogram:per_kilogram|per_kg per_kg:per_kg|per_kilogram
highest_retail_price:het|harga_eceran_tertinggi retail_price:harga_eceran bought:membeli|dibeli
purchased:dibeli|membeli purchase:pembelian selling:menjual|penjualan payment:pembayaran charge:biaya|tarif
earn:meraup|memperoleh|mendapatkan earned:meraup|memperoleh|mendapatkan save:menghemat|menyelamatkan
saved:menghemat|menyelamatkan|diselamatkan spent:menghabiskan|dihabiskan|membelanjakan
spend:menghabiskan|membelanjakan purchasing_power:daya_beli grew:tumbuh|meningkat grdp:pdrb deflation:deflasi
consumer_price_index:ihk|indeks_harga_konsumen statistics_agency:bps businessman:pengusaha businessmen:pengusaha
cooperative:koperasi processing:pengolahan traditional_market:pasar_tradisional
warehouse:gudang food_security:ketahanan_pangan staple_food:bahan_pokok|sembako cooking_gas:elpiji|lpg
fee:biaya|tarif|retribusi poverty_rate:angka_kemiskinan|tingkat_kemiskinan unemployment_rate:tingkat_pengangguran|tpt
job_seeker:pencari_kerja job_fair:bursa_kerja|job_fair vacancy:lowongan|lowongan_kerja
recruited:direkrut|merekrut
provincial_minimum_wage:ump regency_minimum_wage:umk city_minimum_wage:umk labor:tenaga_kerja|buruh
dismissed:diberhentikan|dipecat rally:aksi|unjuk_rasa demands:tuntutan|permintaan contract:kontrak
migrant_worker:pekerja_migran|pmi training:pelatihan trained:dilatih|melatih
yield:hasil|produktivitas|hasil_panen productivity:produktivitas fertiliser:pupuk
subsidized_fertilizer:pupuk_bersubsidi fresh_fruit_bunches:tbs|tandan_buah_segar
smallholder:pekebun|petani_swadaya farm:kebun|ladang|peternakan unhusked_rice:gabah grain:gabah|biji
grown:ditanam|tumbuh|dibudidayakan seed:benih|bibit extension_worker:penyuluh|penyuluh_pertanian
farmer_group:kelompok_tani|poktan
soybean:kedelai onion:bawang timber:kayu cow:sapi goat:kambing buffalo:kerbau
foot-and-mouth_disease:pmk|penyakit_mulut_dan_kuku foot_and_mouth_disease:pmk|penyakit_mulut_dan_kuku
fishery:perikanan fish_farming:budidaya_ikan fish_pond:kolam_ikan|tambak pond:kolam|tambak
fishing_boat:kapal_nelayan|kapal_ikan shrimp_pond:tambak_udang
runway:landasan_pacu|runway|landasan aircraft:pesawat|pesawat_udara airplane:pesawat direct:langsung
landing:pendaratan|mendarat depart:berangkat flew:terbang|menerbangkan weekly:setiap_pekan|per_pekan|mingguan
schedule:jadwal scheduled:dijadwalkan speedboat:speedboat|kapal_cepat cargo:kargo|muatan|barang
pothole:jalan_berlubang|lubang damaged_road:jalan_rusak
public_transport:angkutan_umum|transportasi_umum parking:parkir congestion:kemacetan closure:penutupan
travellers:pemudik|pelaku_perjalanan travelers:pemudik|pelaku_perjalanan return_flow:arus_balik peak:puncak
license:izin|sim kilometre:kilometer metre:meter centimeter:sentimeter
cm:cm|sentimeter square_meter:meter_persegi square_kilometer:kilometer_persegi
square_kilometre:kilometer_persegi
enrolled:terdaftar|diterima|mendaftar new_student:siswa_baru|mahasiswa_baru
new_student_admission:spmb|ppdb|penerimaan_murid_baru top_graduate:lulusan_terbaik|wisudawan_terbaik
best_graduate:lulusan_terbaik|wisudawan_terbaik professor:profesor|guru_besar faculty:fakultas
tuition:ukt|biaya_kuliah college:perguruan_tinggi|kampus|sekolah_tinggi class:kelas grade:kelas|nilai
school_building:gedung_sekolah headmaster:kepala_sekolah principal:kepala_sekolah
school_principal:kepala_sekolah olympiad:olimpiade school_uniform:seragam_sekolah
graduation_ceremony:wisuda
scored:mencetak|mencetak_gol minute:menit first_half:babak_pertama second_half:babak_kedua
penalty:penalti|sanksi|denda penalty_shootout:adu_penalti crowd:penonton|massa fan:suporter|penggemar
supporter:pendukung|suporter lap:putaran finish_time:waktu_tempuh|catatan_waktu
finished:selesai|finis finish:selesai|finis|garis_finis finish_line:garis_finis
second_place:juara_kedua|posisi_kedua|peringkat_kedua third_place:juara_ketiga|peringkat_ketiga
first_place:juara_pertama|peringkat_pertama ranked:peringkat|menempati_peringkat ranking:peringkat
gold_medal:medali_emas silver_medal:medali_perak
bronze_medal:medali_perunggu new_record:rekor_baru trophy:piala|trofi
opponent:lawan draw:imbang drew:imbang|bermain_imbang semi-final:semifinal
quarterfinal:perempat_final quarter-final:perempat_final host:tuan_rumah|menjadi_tuan_rumah
hosted:menjadi_tuan_rumah|tuan_rumah
collection:koleksi traditional_dance:tari_tradisional|tarian_tradisional
traditional_dances:tari_tradisional|tarian_tradisional artist:seniman|artis performed:tampil|menampilkan|dipentaskan
perform:tampil|menampilkan stage:tahap|panggung parade:pawai|parade carnival:karnaval
procession:arak-arakan|prosesi|pawai ritual:ritual|upacara_adat traditional_ceremony:upacara_adat
traditional_house:rumah_adat handicraft:kerajinan|kerajinan_tangan craftsmen:perajin|pengrajin culinary:kuliner
traditional_food:makanan_tradisional|makanan_khas historic:bersejarah historical:sejarah|bersejarah history:sejarah
site:lokasi|situs waterfall:air_terjun tourist_village:desa_wisata tourism_village:desa_wisata
tourist_arrivals:kunjungan_wisatawan tourist_visits:kunjungan_wisatawan domestic_tourists:wisatawan_nusantara|wisnus
domestic:domestik|dalam_negeri overseas:luar_negeri|mancanegara entrance_ticket:tiket_masuk
tourist_attraction:objek_wisata|destinasi_wisata
attraction:atraksi|daya_tarik cultural:budaya|kebudayaan independence_day:hut_ri|hari_kemerdekaan
independence:kemerdekaan commemoration:peringatan commemorated:memperingati|diperingati new_year:tahun_baru
chinese_new_year:imlek
contractor:kontraktor|rekanan|pelaksana constructed:dibangun|membangun
under_construction:dalam_pembangunan|sedang_dibangun progress:progres|kemajuan phase:tahap|tahapan
completion:penyelesaian delay:keterlambatan|penundaan groundbreaking:peletakan_batu_pertama|groundbreaking
developer:pengembang multi-year:tahun_jamak renovated:direnovasi renovation:renovasi rehabilitated:direhabilitasi
rebuilt:dibangun_kembali|dibangun_ulang upgrade:peningkatan upgraded:ditingkatkan maintenance:pemeliharaan|perawatan
street_light:penerangan_jalan_umum|pju|lampu_jalan
solar_power_plant:plts hydropower_plant:plta uninhabitable_houses:rumah_tidak_layak_huni|rtlh
uninhabitable:tidak_layak_huni subsidized_housing:rumah_subsidi jetty:dermaga seawall:tanggul_laut|pemecah_gelombang
sports_hall:gor|gedung_olahraga square:alun-alun|lapangan town_square:alun-alun park:taman
green_open_space:ruang_terbuka_hijau|rth land_acquisition:pembebasan_lahan|pengadaan_tanah
compensation:ganti_rugi|kompensasi|santunan land_dispute:sengketa_lahan|sengketa_tanah conflict:konflik
eviction:penggusuran evicted:digusur demolished:dibongkar|dirobohkan
expect:memperkirakan|berharap|mengharapkan collect:mengumpulkan|menghimpun detect:mendeteksi
detected:terdeteksi|mendeteksi|ditemukan record:mencatat|rekor|catatan records:rekor|catatan|mencatat launch:meluncurkan|peluncuran
donate:menyumbangkan|mendonasikan donated:menyumbangkan|disumbangkan|mendonasikan donor:donatur|donor
attend:menghadiri|hadir attendees:peserta|hadirin close:menutup|ditutup|tutup closed:ditutup|menutup|tutup
complete:menyelesaikan|selesai|lengkap fall:turun|jatuh|penurunan increase:kenaikan|peningkatan|meningkat
decrease:penurunan|turun|menurun plan:rencana|berencana|merencanakan planned:direncanakan|berencana|merencanakan
propose:mengusulkan proposal:usulan|proposal approve:menyetujui|mengesahkan approval:persetujuan
rejected:menolak|ditolak sign:menandatangani|tanda_tangan signing:penandatanganan announce:mengumumkan
announced:mengumumkan|diumumkan announcement:pengumuman confirm:membenarkan|mengonfirmasi deny:membantah|menyangkal
denied:membantah|menepis|menyangkal called_on:meminta|mengimbau say:mengatakan|menyebut
call:menyebut|memanggil called:disebut|dinamai|dinamakan fly:terbang|menerbangkan flies:terbang|menerbangkan
flew:terbang|menerbangkan flown:diterbangkan|terbang
revealed:mengungkapkan|mengungkap uncovered:mengungkap|membongkar agreed:sepakat|menyepakati|menyetujui
decided:memutuskan|diputuskan determined:ditetapkan|menetapkan established:dibentuk|didirikan|membentuk
formed:dibentuk|membentuk conducted:melakukan|dilakukan|menggelar organized:digelar|diselenggarakan|menggelar
organised:digelar|diselenggarakan|menggelar organizer:panitia|penyelenggara committee:panitia|komite
took_part:mengikuti|ikut_serta take_part:mengikuti|ikut joined:bergabung|mengikuti followed:diikuti|mengikuti
helped:membantu supported:mendukung|didukung provide:menyediakan|memberikan requested:meminta|mengajukan
request:permintaan|permohonan prepared:menyiapkan|disiapkan preparation:persiapan ready:siap
checked:dicek|diperiksa|mengecek monitor:memantau monitors:memantau monitored:dipantau|memantau monitoring:pemantauan|pengawasan
inspected:diperiksa|meninjau evaluation:evaluasi met:bertemu|menemui meet:bertemu|menemui
returned:kembali|dipulangkan|mengembalikan moved:dipindahkan|pindah removed:dicopot|dihapus|dipindahkan
stopped:dihentikan|berhenti resumed:dilanjutkan|kembali_beroperasi reopened:dibuka_kembali|kembali_dibuka
extended:diperpanjang extension:perpanjangan raised:menaikkan|dinaikkan|mengumpulkan
cut:memangkas|dipangkas|pemangkasan reduced:dikurangi|berkurang|menurun|mengurangi lowered:diturunkan|menurunkan
exceeded:melampaui|melebihi threatened:terancam|mengancam brought:membawa|dibawa carried:membawa|mengangkut
transported:diangkut|mengangkut carrying:membawa|mengangkut send:mengirim taken:dibawa|diambil|dilarikan
give:memberikan|memberi became:menjadi came:datang|berasal chosen:dipilih|terpilih selected:terpilih|dipilih
started:dimulai|mulai|memulai starting:mulai|sejak|terhitung following:menyusul|setelah|mengikuti
regarding:terkait|mengenai related:terkait
early:awal|dini|lebih_awal late:akhir|terlambat mid:pertengahan middle:tengah|pertengahan
mid-january:pertengahan_januari mid-february:pertengahan_februari mid-march:pertengahan_maret
mid-april:pertengahan_april mid-may:pertengahan_mei mid-june:pertengahan_juni mid-july:pertengahan_juli
mid-august:pertengahan_agustus mid-september:pertengahan_september mid-october:pertengahan_oktober
mid-november:pertengahan_november mid-december:pertengahan_desember across:di_seluruh|di
throughout:sepanjang|di_seluruh under:di_bawah over:lebih_dari|di_atas above:di_atas|lebih_dari
below:di_bawah|kurang_dari more_than:lebih_dari less_than:kurang_dari fewer_than:kurang_dari almost:hampir
around:sekitar|di_sekitar biggest:terbesar average:rata-rata|rerata each:setiap|masing-masing|per smallest:terkecil
longest:terpanjang oldest:tertua fastest:tercepat worst:terburuk|terparah most_expensive:termahal cheapest:termurah
fourth:keempat fifth:kelima sixth:keenam seventh:ketujuh eighth:kedelapan ninth:kesembilan tenth:kesepuluh
twice:dua_kali again:kembali|lagi several:beberapa|sejumlah various:berbagai within:dalam|dalam_waktu outside:di_luar
via:melalui|lewat because_of:karena|akibat as_well_as:serta|dan per_month:per_bulan|setiap_bulan
per_year:per_tahun|setiap_tahun per_person:per_orang per_hectare:per_hektare|per_hektar
monthly:bulanan|per_bulan|setiap_bulan annual:tahunan quarter:triwulan|kuartal first_quarter:triwulan_i|kuartal_i
second_quarter:triwulan_ii|kuartal_ii third_quarter:triwulan_iii|kuartal_iii fourth_quarter:triwulan_iv|kuartal_iv
ago:lalu recent:terakhir|baru-baru_ini recently:baru-baru_ini|belakangan earlier:sebelumnya previously:sebelumnya
previous:sebelumnya|lalu upcoming:mendatang weekend:akhir_pekan dawn:subuh|dini_hari afternoon:siang|sore
evening:malam|sore local_time:waktu_setempat seconds:detik point:poin level:tingkat|level
half:setengah|separuh|sebagian dozens:puluhan millions:jutaan billions:miliaran hundred:ratus size:ukuran|luas
achievement:capaian|prestasi survey:survei
citizen:warga task_force:satgas|satuan_tugas joint_team:tim_gabungan security:keamanan|pengamanan
safety:keselamatan|keamanan public_order_agency:satpol_pp village_official:perangkat_desa
village-owned_enterprise:bumdes village_owned_enterprise:bumdes hamlet:dusun
chairperson:ketua spokesman:juru_bicara|jubir manager:manajer|kepala representative:perwakilan|wakil partner:mitra
partnership:kemitraan stakeholders:pemangku_kepentingan youth:pemuda|generasi_muda teenager:remaja
orphan:anak_yatim|yatim disability:disabilitas persons_with_disabilities:penyandang_disabilitas
people_with_disabilities:penyandang_disabilitas recipient:penerima beneficiary:penerima_manfaat|penerima
food_aid:bantuan_pangan rice_aid:bantuan_beras|bantuan_pangan movement:gerakan outreach:sosialisasi|penyuluhan
ban:larangan|pelarangan prohibited:dilarang allowed:diizinkan|diperbolehkan|boleh sanction:sanksi
according_to:menurut without:tanpa additional:tambahan first_day:hari_pertama last_day:hari_terakhir
first_time:pertama_kali for_the_first_time:pertama_kali never:tidak_pernah|belum_pernah despite:meski|meskipun|kendati
among:di_antara|antara ahead_of:menjelang amid:di_tengah so_far:sejauh_ini|hingga_kini up_to:hingga|sampai
end_of_the_year:akhir_tahun last_month:bulan_lalu next_month:bulan_depan last_week:pekan_lalu this_week:pekan_ini
next_week:pekan_depan tomorrow:besok newest:terbaru higher:lebih_tinggi lower:lebih_rendah|menurunkan
than:dari|dibanding|daripada compared_to:dibandingkan|dibanding officially:resmi|secara_resmi
temporarily:sementara|untuk_sementara heavily:berat|parah severely:parah|berat allegedly:diduga alleged:dugaan|diduga
isolated:terisolasi|terisolir eligible:berhak|memenuhi_syarat available:tersedia state-owned:bumn|milik_negara
home:rumah|kandang
tax_revenue:penerimaan_pajak vehicle_tax:pajak_kendaraan_bermotor|pkb general_allocation_fund:dau|dana_alokasi_umum
special_allocation_fund:dak|dana_alokasi_khusus regional_secretariat:setda|sekretariat_daerah identity_card:ktp|e-ktp
id_card:ktp|e-ktp family_card:kartu_keluarga|kk regent_regulation:perbup|peraturan_bupati
governor_regulation:pergub|peraturan_gubernur term_of_office:masa_jabatan interim:pj|penjabat|sementara speaker:ketua
plenary_session:rapat_paripurna|sidang_paripurna working_visit:kunjungan_kerja|kunker
declared:ditetapkan|menetapkan|dinyatakan|menyatakan issued:dikeluarkan|mengeluarkan|menerbitkan|diterbitkan
new_autonomous_region:dob|daerah_otonomi_baru special_autonomy:otonomi_khusus|otsus sub-district_head:camat
village_secretary:sekretaris_desa|sekdes
presidential_election:pilpres legislative_election:pileg regent_election:pilbup|pemilihan_bupati
mayoral_election:pilwalkot|pemilihan_wali_kota candidate_pair:pasangan_calon|paslon running_mate:calon_wakil|pasangan
contested:diikuti|bertarung|maju|menggugat ran:maju|mencalonkan_diri|berlari debate:debat
electoral_district:dapil|daerah_pemilihan money_politics:politik_uang vote_buying:politik_uang
re-vote:psu|pemungutan_suara_ulang most_votes:suara_terbanyak withdrew:mundur|menarik_diri
pulled_out:mundur|menarik_diri|ditarik pull_out:mundur|menarik_diri disqualified:didiskualifikasi
endorsed:diusung|didukung
soldier:prajurit|anggota_tni detention:penahanan jailed:dipenjara|divonis imprisoned:dipenjara
prison_sentence:hukuman_penjara|pidana_penjara years_in_prison:tahun_penjara life_imprisonment:penjara_seumur_hidup
charges:dakwaan|tuduhan|biaya sought:menuntut|meminta|mencari ruling:putusan presiding_judge:hakim_ketua
found_guilty:dinyatakan_bersalah|terbukti_bersalah sued:menggugat|digugat shooting:penembakan|menembak
domestic_violence:kdrt|kekerasan_dalam_rumah_tangga online_gambling:judi_online|judol
illegal_levy:pungli|pungutan_liar firearm:senjata_api|senpi confiscated:disita|diamankan freed:dibebaskan|bebas
prisoner:narapidana|napi|warga_binaan state_loss:kerugian_negara
overflow:luapan|meluap breached:jebol levee:tanggul mudslide:longsor tornado:puting_beliung|angin_puting_beliung
hot_spot:titik_panas|hotspot ash:abu|abu_vulkanik cold_lava:lahar_dingin|banjir_lahar felt:dirasakan|terasa
heavily_damaged:rusak_berat moderately_damaged:rusak_sedang slightly_damaged:rusak_ringan
wounded:luka|terluka|korban_luka weather_forecast:prakiraan_cuaca torrential_rain:hujan_deras|hujan_lebat
wave_height:tinggi_gelombang above_sea_level:di_atas_permukaan_laut|mdpl disrupted:terganggu mitigation:mitigasi
disaster-prone:rawan_bencana exploded:meledak burned_down:terbakar|hangus_terbakar
regional_hospital:rsud general_hospital:rsud|rsu acute_respiratory_infection:ispa pneumonia:pneumonia cancer:kanker
hypertension:hipertensi|darah_tinggi mental_health:kesehatan_jiwa|kesehatan_mental dengue_fever:demam_berdarah|dbd
symptoms:gejala screening:skrining|pemeriksaan specialist_doctor:dokter_spesialis health_worker:tenaga_kesehatan|nakes
life_expectancy:angka_harapan_hidup|usia_harapan_hidup human_development_index:ipm|indeks_pembangunan_manusia
stunting_rate:angka_stunting|prevalensi_stunting sanitation:sanitasi extraordinary_event:klb|kejadian_luar_biasa
free_nutritious_meal:makan_bergizi_gratis|mbg tested_positive:positif|terkonfirmasi_positif
hospitalised:dirawat|dilarikan_ke_rumah_sakit
junior_high:smp senior_high:sma state_university:universitas_negeri registrants:pendaftar applicants:pendaftar|pelamar
zoning:zonasi academic_year:tahun_ajaran|tahun_akademik selection:seleksi test:tes|ujian|uji certification:sertifikasi
certificate:sertifikat|piagam honorary_staff:tenaga_honorer|honorer library:perpustakaan
study_program:program_studi|prodi accreditation:akreditasi student_community_service:kkn
early_childhood_education:paud accepted:diterima|menerima
farm-gate_price:harga_di_tingkat_petani|harga_petani farm_gate_price:harga_di_tingkat_petani|harga_petani
government_purchase_price:hpp|harga_pembelian_pemerintah wholesale_price:harga_grosir reference_price:harga_acuan
selling_price:harga_jual purchase_price:harga_beli|harga_pembelian per_kilo:per_kilogram|per_kg
cayenne_pepper:cabai_rawit bird's_eye_chili:cabai_rawit bird_eye_chili:cabai_rawit
red_chili:cabai_merah|cabai_merah_keriting red_chilli:cabai_merah|cabai_merah_keriting
curly_red_chili:cabai_merah_keriting red_onion:bawang_merah tomato:tomat cabbage:kubis|kol cassava:singkong|ubi_kayu
banana:pisang clove:cengkih|cengkeh granulated_sugar:gula_pasir wheat_flour:tepung_terigu chicken_meat:daging_ayam
broiler_chicken:ayam_ras|ayam_broiler chicken_eggs:telur_ayam|telur_ayam_ras pork:daging_babi milk:susu
milkfish:bandeng catfish:lele|patin premium_rice:beras_premium medium_rice:beras_medium rice_price:harga_beras
chili_price:harga_cabai rice_reserve:cadangan_beras self-sufficiency:swasembada planting_season:musim_tanam
harvest_season:musim_panen main_harvest:panen_raya agricultural_machinery:alsintan|alat_mesin_pertanian
palm_oil_mill:pabrik_kelapa_sawit|pks replanting:peremajaan|replanting failed_harvest:gagal_panen poultry:unggas
fish_auction:tpi|tempat_pelelangan_ikan cultivated:dibudidayakan|ditanam|digarap
street:jalan intersection:simpang|persimpangan roundabout:bundaran traffic_light:lampu_lalu_lintas|lampu_merah
flyover:jalan_layang|flyover ring_road:jalan_lingkar national_road:jalan_nasional provincial_road:jalan_provinsi
regency_road:jalan_kabupaten village_road:jalan_desa asphalt:aspal paved:diaspal|beraspal paralyzed:lumpuh
cut_off:terputus|terisolasi pedestrian:pejalan_kaki electric_vehicle:kendaraan_listrik motorcycle_taxi:ojek
online_motorcycle_taxi:ojek_online|ojol bus_stop:halte train_station:stasiun railway:kereta_api|rel
canceled:dibatalkan|batal emergency_landing:pendaratan_darurat|mendarat_darurat derailed:anjlok|keluar_rel
ran_aground:kandas overturned:terbalik|terguling hit-and-run:tabrak_lari hit_and_run:tabrak_lari
airfare:harga_tiket_pesawat|tarif_pesawat mobile_phone:ponsel|telepon_seluler|hp cell_phone:ponsel|hp
smartphone:ponsel|telepon_pintar|smartphone
national_team:timnas|tim_nasional olympics:olimpiade world_cup:piala_dunia governor_cup:piala_gubernur
regent_cup:piala_bupati promoted:promosi|naik_kasta relegated:degradasi|terdegradasi red_card:kartu_merah
top_scorer:top_skor|pencetak_gol_terbanyak pencak_silat:pencak_silat boxing:tinju weightlifting:angkat_besi
archery:panahan fourth_place:juara_keempat|peringkat_keempat group_stage:fase_grup|babak_grup
eliminated:tersingkir|gugur advanced:melaju|lolos defending_champion:juara_bertahan mixed_doubles:ganda_campuran
men_doubles:ganda_putra women_doubles:ganda_putri men_singles:tunggal_putra women_singles:tunggal_putri prize:hadiah
prize_money:hadiah_uang|total_hadiah|uang_pembinaan
suspension_bridge:jembatan_gantung retaining_wall:talud|tembok_penahan_tanah|turap breakwater:pemecah_gelombang
normalization:normalisasi dredging:pengerukan house_connection:sambungan_rumah|sr solar_panel:panel_surya|plts
blank_spot:blank_spot|titik_tanpa_sinyal revitalization:revitalisasi grand_mosque:masjid_agung|masjid_raya
cemetery:pemakaman|makam|tpu waste_bank:bank_sampah land_certificate:sertifikat_tanah building_permit:pbg|imb
new_capital:ikn|ibu_kota_nusantara industrial_estate:kawasan_industri
national_strategic_project:psn|proyek_strategis_nasional valued_at:senilai|bernilai widening:pelebaran
abandoned:mangkrak|terbengkalai installed:dipasang|memasang
gdp:pdb per_capita:per_kapita growth_rate:laju_pertumbuhan|pertumbuhan contracted:terkontraksi|kontraksi
year-on-year:year_on_year|yoy|tahunan exchange_rate:nilai_tukar|kurs trade_balance:neraca_perdagangan
export_value:nilai_ekspor quarantine:karantina investment_realization:realisasi_investasi
foreign_investment:pma|penanaman_modal_asing business_credit:kur|kredit_usaha_rakyat|kredit_usaha
interest_rate:suku_bunga insurance:asuransi online_loans:pinjol|pinjaman_online poverty_line:garis_kemiskinan
extreme_poverty:kemiskinan_ekstrem workforce:angkatan_kerja|tenaga_kerja subsidized_fuel:bbm_bersubsidi
oil_and_gas:migas|minyak_dan_gas sand_mining:tambang_pasir|galian_c mining_permit:iup|izin_usaha_pertambangan
restaurant:restoran|rumah_makan
covered:mencakup|meliputi|ditanggung|menutupi priced:dibanderol|dijual|seharga jumped:melonjak|naik surged:melonjak
plunged:anjlok remained:tetap|masih amounted_to:mencapai|sebesar totaled:mencapai|berjumlah|total
contributed:menyumbang|berkontribusi triggered:dipicu|memicu spread:menyebar|meluas
blocked:tertutup|diblokade|memblokade restored:pulih|dipulihkan channeled:disalurkan channelled:disalurkan
awarded:dianugerahi|menerima|diberikan presented:menyerahkan|diserahkan
unveiled:meluncurkan|diluncurkan|memperkenalkan introduced:memperkenalkan|diperkenalkan|menerapkan
processed:diolah|olahan|mengolah operated:dioperasikan|beroperasi|dikelola served:melayani|menjabat
connected:terhubung|menghubungkan protested:memprotes|berunjuk_rasa refused:menolak warned:mengingatkan|memperingatkan
ordered:memerintahkan|diperintahkan promised:berjanji|menjanjikan revoked:dicabut|mencabut sealed:disegel|menyegel
discovered:ditemukan|menemukan explained:menjelaskan predicted:diprediksi|memprediksi|diperkirakan
improved:meningkat|membaik|ditingkatkan
religion:agama muslim:muslim|umat_islam christian:kristen|nasrani catholic:katolik hindu:hindu buddhist:buddha
place_of_worship:rumah_ibadah|tempat_ibadah places_of_worship:rumah_ibadah|tempat_ibadah prayer:salat|doa|sembahyang
eid_prayer:salat_id|salat_idul_fitri friday_prayer:salat_jumat fasting:puasa iftar:buka_puasa|berbuka_puasa
eid_al-fitr:idul_fitri|lebaran eid_al-adha:idul_adha cleric:ulama|kiai|ustaz religious_leader:tokoh_agama
community_leader:tokoh_masyarakat traditional_leader:tokoh_adat|ketua_adat customary_land:tanah_adat|tanah_ulayat
marriage:pernikahan|perkawinan child_marriage:pernikahan_dini|perkawinan_anak traditional_clothing:pakaian_adat
regional_language:bahasa_daerah temple:candi|pura|vihara|klenteng flag:bendera
protected_forest:hutan_lindung customary_forest:hutan_adat social_forestry:perhutanan_sosial
reforestation:reboisasi|penghijauan endangered:terancam_punah|langka protected:dilindungi rare:langka
conservation_agency:bksda beached:terdampar emissions:emisi air_quality_index:ispu|indeks_kualitas_udara
unhealthy:tidak_sehat oil_spill:tumpahan_minyak erosion:erosi|abrasi critical_land:lahan_kritis
hostage:sandera truce:gencatan_senjata|jeda_kemanusiaan ceasefire:gencatan_senjata army:tentara|angkatan_darat
military:militer|tentara troop:pasukan|tentara attack:serangan|menyerang attacked:diserang|menyerang
airstrike:serangan_udara missile:rudal rocket:roket bombing:pengeboman|pemboman invasion:invasi
invaded:menginvasi|menyerbu occupied:diduduki|menduduki occupation:pendudukan|pekerjaan refugee:pengungsi
embassy:kedutaan_besar|kedubes ambassador:duta_besar|dubes diplomatic:diplomatik
foreign_minister:menteri_luar_negeri|menlu foreign_ministry:kementerian_luar_negeri|kemlu
united_nations:perserikatan_bangsa-bangsa|pbb security_council:dewan_keamanan summit:ktt|konferensi_tingkat_tinggi
negotiation:negosiasi|perundingan talks:perundingan|pembicaraan peace:perdamaian|damai peace_deal:kesepakatan_damai
agreement:kesepakatan|perjanjian humanitarian:kemanusiaan humanitarian_aid:bantuan_kemanusiaan genocide:genosida
massacre:pembantaian civilian:warga_sipil|sipil militant:militan rebel:pemberontak terrorist:teroris
terrorism:terorisme gunman:pria_bersenjata detainee:tahanan abducted:diculik kidnapping:penculikan
shot_dead:ditembak_mati navy:angkatan_laut|tni_al air_force:angkatan_udara|tni_au armed_forces:angkatan_bersenjata|tni
defense:pertahanan defense_minister:menteri_pertahanan|menhan coup:kudeta unrest:kerusuhan|kericuhan
tear_gas:gas_air_mata curfew:jam_malam passport:paspor immigration:imigrasi deportation:deportasi asylum:suaka
south_china_sea:laut_china_selatan|laut_cina_selatan trade_war:perang_dagang commander:komandan|panglima
national_police:kepolisian_negara|polri national_police_chief:kapolri|kepala_kepolisian_negara israeli:israel
palestine:palestina palestinian:palestina ukraine:ukraina russia:rusia japan:jepang south_korea:korea_selatan|korsel
saudi_arabia:arab_saudi singapore:singapura united_states:amerika_serikat|as stock_index:indeks_saham
composite_index:indeks_harga_saham_gabungan|ihsg stock_exchange:bursa_efek|bursa_saham
indonesia_stock_exchange:bursa_efek_indonesia|bei share:saham|bagian|berbagi shareholder:pemegang_saham
listing:pencatatan|melantai closing:penutupan|ditutup weaken:melemah weakened:melemah|melemahkan
weakening:pelemahan|melemah strengthen:menguat|memperkuat strengthened:menguat|memperkuat
strengthening:penguatan|menguat gain:kenaikan|keuntungan gained:menguat|naik slumped:anjlok|merosot
dipped:turun|melemah climbed:naik|menanjak basis_point:basis_poin dollar:dolar us_dollar:dolar_as currency:mata_uang
exchange:pertukaran|bursa|tukar foreign_exchange_reserves:cadangan_devisa reserve:cadangan central_bank:bank_sentral
benchmark_rate:suku_bunga_acuan bond:obligasi capital_market:pasar_modal trading:perdagangan traded:diperdagangkan
transaction:transaksi recession:resesi economy:ekonomi|perekonomian economist:ekonom
gross_domestic_product:produk_domestik_bruto|pdb trade_surplus:surplus_neraca_perdagangan gold_price:harga_emas
oil_price:harga_minyak crude_oil:minyak_mentah fuel_price:harga_bbm interest:bunga|minat rate:tingkat|laju|tarif
buy:membeli|beli buying:pembelian|membeli net_buy:beli_bersih net_sell:jual_bersih foreign:asing|luar_negeri
foreign_investor:investor_asing income_tax:pajak_penghasilan|pph value_added_tax:pajak_pertambahan_nilai|ppn
vat:ppn|pajak_pertambahan_nilai taxpayer:wajib_pajak tax_office:kantor_pajak|kantor_pelayanan_pajak excise:cukai
finance_minister:menteri_keuangan|menkeu finance_ministry:kementerian_keuangan|kemenkeu banking:perbankan
lending:penyaluran_kredit|pinjaman financial_services_authority:otoritas_jasa_keuangan|ojk net_profit:laba_bersih
bankrupt:bangkrut|pailit toll_fee:tarif_tol high-speed_train:kereta_cepat taxi:taksi
ride-hailing:ojek_online|transportasi_daring motorbike:sepeda_motor|motor odd-even:ganjil_genap
road_closure:penutupan_jalan detour:pengalihan_arus aviation:penerbangan take_off:lepas_landas took_off:lepas_landas
land:lahan|tanah|mendarat wreckage:puing|serpihan debris:puing|serpihan cancel:membatalkan|batal
shipping:pelayaran|pengiriman coast_guard:penjaga_pantai|bakamla lunar_new_year:imlek|tahun_baru_imlek easter:paskah
good_friday:jumat_agung mawlid:maulid_nabi prophet:nabi prophet_muhammad:nabi_muhammad
islamic_new_year:tahun_baru_islam|satu_muharram pilgrim:jemaah|peziarah mecca:mekkah|makkah pray:berdoa|salat
worship:ibadah sacrificial_animal:hewan_kurban moon_sighting:rukyatul_hilal|pemantauan_hilal
ministry_of_religious_affairs:kementerian_agama|kemenag religious_affairs_minister:menteri_agama|menag
indonesian_ulema_council:majelis_ulama_indonesia|mui public_holiday:hari_libur_nasional|libur_nasional
collective_leave:cuti_bersama leave:meninggalkan|cuti|keluar quoted:dikutip|mengutip quote:kutipan|mengutip
testify:bersaksi testified:bersaksi panel_of_judges:majelis_hakim acquittal:vonis_bebas|pembebasan sue:menggugat
judicial_review:uji_materi|peninjauan_kembali attorney_general:jaksa_agung
attorney_general's_office:kejaksaan_agung|kejagung arrest:menangkap|penangkapan investigate:menyelidiki|menyidik
probe:penyelidikan|menyelidiki assault:penganiayaan|penyerangan gun:senjata_api|pistol
sexual_harassment:pelecehan_seksual sexual_violence:kekerasan_seksual hoax:hoaks|kabar_bohong
hate_speech:ujaran_kebencian drug_trafficking:peredaran_narkoba national_narcotics_agency:badan_narkotika_nasional|bnn
seize:menyita raided:digerebek|menggerebek corrupt:korup scammer:penipu counterfeit:palsu|uang_palsu
pardon:grasi|pengampunan execution:eksekusi death_penalty:hukuman_mati wanted:buron|dicari|ingin
report:laporan|melaporkan law_enforcement:penegakan_hukum|aparat_penegak_hukum illegal:ilegal|liar
government_regulation:peraturan_pemerintah|pp presidential_regulation:peraturan_presiden|perpres article:pasal|artikel
statement:pernyataan|keterangan told:mengatakan|memberi_tahu mentioned:menyebutkan|disebutkan emphasized:menegaskan
stressed:menegaskan added:menambahkan asked:meminta|bertanya director_general:direktur_jenderal|dirjen
directorate_general:direktorat_jenderal|ditjen president_director:direktur_utama|dirut
coordinating_minister:menteri_koordinator|menko deputy_minister:wakil_menteri|wamen
house_of_representatives:dewan_perwakilan_rakyat|dpr opposition:oposisi prime_minister:perdana_menteri|pm
appoint:menunjuk|mengangkat resign:mengundurkan_diri|mundur presidential_candidate:calon_presiden|capres
vice_presidential_candidate:calon_wakil_presiden|cawapres poll:survei|jajak_pendapat|pemungutan_suara reform:reformasi
democracy:demokrasi general:umum|jenderal general_election:pemilihan_umum|pemilu state:negara board:dewan|badan
on_board:di_dalam|di_atas home_affairs_minister:menteri_dalam_negeri|mendagri
education_minister:menteri_pendidikan|mendikdasmen trade_minister:menteri_perdagangan|mendag
transport_ministry:kementerian_perhubungan|kemenhub transport_minister:menteri_perhubungan|menhub
agriculture_minister:menteri_pertanian|mentan energy_minister:menteri_esdm|menteri_energi
tourism_minister:menteri_pariwisata|menpar state-owned_enterprise:badan_usaha_milik_negara|bumn
health_ministry:kementerian_kesehatan|kemenkes health_minister:menteri_kesehatan|menkes analyst:analis
observer:pengamat entrepreneur:pengusaha|wirausaha pandemic:pandemi epidemic:epidemi|wabah infection:infeksi
bird_flu:flu_burung kidney_failure:gagal_ginjal heart_attack:serangan_jantung
national_health_insurance:jaminan_kesehatan_nasional|jkn mortality:kematian|mortalitas birth:kelahiran
pregnancy:kehamilan blood:darah cigarette:rokok dose:dosis positive:positif recover:pulih|sembuh
recovery:pemulihan|kesembuhan space:antariksa|luar_angkasa|ruang moon:bulan sun:matahari
solar_eclipse:gerhana_matahari lunar_eclipse:gerhana_bulan star:bintang research:penelitian|riset
study:studi|penelitian|kajian found:ditemukan|menemukan|didirikan find:menemukan innovation:inovasi
artificial_intelligence:kecerdasan_buatan|ai data_leak:kebocoran_data hacked:diretas hacker:peretas
cyberattack:serangan_siber website:situs|laman|situs_web account:akun|rekening user:pengguna follower:pengikut
posted:diunggah|mengunggah upload:unggah|mengunggah uploaded:diunggah|mengunggah content_creator:kreator_konten
live:tinggal|hidup|langsung broadcast:siaran|menyiarkan download:unduh|mengunduh phone:ponsel|telepon
electric_car:mobil_listrik battery:baterai celebrity:selebritas|artis|selebriti actor:aktor|pemeran singer:penyanyi
musician:musisi concert:konser movie:film producer:produser|produsen premiere:penayangan_perdana|premier
series:serial|seri audience:penonton show:menunjukkan|acara|pertunjukan wedding:pernikahan married:menikah
divorce:perceraian|cerai scandal:skandal sold_out:terjual_habis|ludes defender:bek|pemain_belakang
midfielder:gelandang winger:pemain_sayap forward:penyerang|maju substitute:pemain_pengganti|cadangan
lineup:susunan_pemain squad:skuad|tim extra_time:perpanjangan_waktu free_kick:tendangan_bebas header:sundulan
yellow_card:kartu_kuning own_goal:gol_bunuh_diri hat-trick:hattrick|trigol equalizer:gol_penyama advance:melaju|maju
qualify:lolos qualification:kualifikasi qualifier:kualifikasi home_match:laga_kandang away:tandang
premier_league:liga_inggris|liga_primer champions_league:liga_champions paralympics:paralimpiade
medalist:peraih_medali world_record:rekor_dunia tennis:tenis shuttler:pebulu_tangkis|pemain_bulu_tangkis
naturalized:dinaturalisasi|naturalisasi retire:pensiun retired:pensiun|purnawirawan training_camp:pemusatan_latihan
friendly_match:laga_uji_coba|pertandingan_persahabatan leader:pemimpin|pemuncak relegation:degradasi
tropical_cyclone:siklon_tropis heatwave:gelombang_panas fog:kabut global_warming:pemanasan_global
carbon_emissions:emisi_karbon greenhouse_gas:gas_rumah_kaca renewable_energy:energi_terbarukan plastic:plastik
plastic_waste:sampah_plastik recycling:daur_ulang sumatran_tiger:harimau_sumatra rhino:badak poaching:perburuan_liar
conservation:konservasi|pelestarian rainforest:hutan_hujan emission:emisi air_pollution:polusi_udara|pencemaran_udara
sea_level_rise:kenaikan_permukaan_laut land_subsidence:penurunan_muka_tanah climate:iklim tremor:gempa|getaran
limit:batas|membatasi limited:terbatas|dibatasi claim:klaim|mengklaim claimed:mengklaim|diklaim cite:mengutip|menyebut
cited:mengutip|dikutip compare:membandingkan compared:dibandingkan|membandingkan describe:menggambarkan|menyebut
described:digambarkan|menggambarkan|disebut rank:peringkat|menempati achieve:mencapai|meraih attract:menarik
attracted:menarik offer:menawarkan|tawaran offered:menawarkan|ditawarkan accept:menerima
predict:memprediksi|memperkirakan showed:menunjukkan reveal:mengungkapkan|mengungkap admitted:mengakui admit:mengakui
warn:memperingatkan urge:mendesak|meminta criticize:mengkritik criticized:dikritik|mengkritik
support:mendukung|dukungan refuse:menolak agree:setuju|sepakat threaten:mengancam threat:ancaman die:meninggal|tewas
double:dua_kali_lipat|ganda doubled:berlipat_ganda|naik_dua_kali_lipat exceed:melebihi|melampaui
set:menetapkan|mengatur developed:dikembangkan|mengembangkan|maju visit:kunjungan|mengunjungi
travel:perjalanan|bepergian trip:perjalanan left:meninggalkan|kiri arrive:tiba start:mulai|memulai end:akhir|berakhir
stop:menghentikan|berhenti change:perubahan|mengubah changed:berubah|mengubah replace:mengganti
replaced:digantikan|mengganti pay:membayar|bayar invest:berinvestasi|menanamkan_modal produce:memproduksi|menghasilkan
produced:diproduksi|menghasilkan celebrate:merayakan fail:gagal failed:gagal success:keberhasilan|sukses
successful:berhasil|sukses attempt:upaya|percobaan effort:upaya|usaha caused:menyebabkan|disebabkan
include:termasuk|meliputi included:termasuk involved:terlibat|melibatkan affect:memengaruhi|berdampak postpone:menunda
improve:meningkatkan|memperbaiki boost:mendorong|meningkatkan take:mengambil get:mendapatkan|memperoleh bring:membawa
fallen:jatuh|tumbang tell:memberi_tahu|mengatakan broke_out:pecah|terjadi shoot:menembak flee:melarikan_diri|kabur
sink:tenggelam beaten:dikalahkan withdraw:menarik|mundur mile:mil barrel:barel tonne:ton height:tinggi|ketinggian
capacity:kapasitas|daya_tampung majority:mayoritas|sebagian_besar one:satu second:kedua|detik third:ketiga|sepertiga
midnight:tengah_malam decade:dekade|dasawarsa period:periode|masa time:waktu|kali times:kali|waktu
deadline:tenggat|batas_waktu north:utara south:selatan east:timur west:barat central:pusat|tengah
top:teratas|puncak|tertinggi popular:populer private:swasta|pribadi abroad:luar_negeri urban:perkotaan
rural:perdesaan|pedesaan acquisition:akuisisi acquire:mengakuisisi acquired:mengakuisisi|diakuisisi brand:merek
plant:pabrik|tanaman|menanam manufacturing:manufaktur|industri_pengolahan retail:ritel|eceran store:toko|gerai
customer:pelanggan|konsumen downstreaming:hilirisasi refinery:kilang deal:kesepakatan
employment:lapangan_kerja|pekerjaan director:direktur|sutradara expert:ahli|pakar return:kembali|pulang
sell:menjual|jual institution:lembaga|institusi
""".split())


# Months and days in both languages, in order (corpus/question.py reads its MONTHS and WEEKDAYS from them). Both
# languages capitalise them: an English question's are translated wherever they stand ("in March 2026" -> "di Maret
# 2026"); "may" only as "May", the month.
MONTHS_IN_INDONESIAN = dict(zip(
    "january february march april may june july august september october november december".split(),
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()))
DAYS_IN_INDONESIAN = dict(zip("monday tuesday wednesday thursday friday saturday sunday".split(),
                              "Senin Selasa Rabu Kamis Jumat Sabtu Minggu".split()))
CALENDAR = {**MONTHS_IN_INDONESIAN, **DAYS_IN_INDONESIAN}
ENGLISH_TO_INDONESIAN.update({english: indonesian.lower() for english, indonesian in CALENDAR.items()
                              if english != "may"})
# Countries and the words for their people, as Indonesian names them ("the Chinese woman": "perempuan asal Cina"). They
# are names: an Indonesian question that types one in lower case still has it cased as the passages write it
# (Question.cased_as_in), so they stay out of INDONESIAN_WORDS and of same_meaning().
NATIONS = dict(line.split(":", 1) for line in """\
china:china|cina|tiongkok chinese:china|cina|tiongkok america:amerika american:amerika|as white_house:gedung_putih
indian:india korean:korea south_korean:korea_selatan|korsel north_korea:korea_utara|korut
north_korean:korea_utara|korut japanese:jepang britain:inggris british:inggris england:inggris english:inggris
france:prancis|perancis french:prancis|perancis germany:jerman german:jerman italy:italia italian:italia
spain:spanyol spanish:spanyol portuguese:portugal netherlands:belanda dutch:belanda australian:australia
malaysian:malaysia vietnamese:vietnam philippines:filipina filipino:filipina egypt:mesir egyptian:mesir
turkish:turki iranian:iran iraqi:irak russian:rusia ukrainian:ukraina brazil:brasil brazilian:brasil mexico:meksiko
mexican:meksiko canada:kanada canadian:kanada europe:eropa european:eropa africa:afrika african:afrika
south_africa:afrika_selatan new_zealand:selandia_baru greece:yunani greek:yunani belgium:belgia sweden:swedia
poland:polandia syria:suriah syrian:suriah yemen:yaman cambodia:kamboja east_timor:timor_leste
papua_new_guinea:papua_nugini united_arab_emirates:uni_emirat_arab|uea singaporean:singapura taiwanese:taiwan
""".split())
ENGLISH_TO_INDONESIAN.update(NATIONS)

_PHRASES = sorted((k for k in ENGLISH_TO_INDONESIAN if "_" in k), key=len, reverse=True)


def _with_plural(phrase: str) -> str:
    """A phrase as a pattern that also matches it in the plural ("flash floods", "rescue teams"), as indonesian()
    looks a plural word up as its singular."""
    return phrase[:-1] + "(?:y|ies)" if phrase.endswith("y") else phrase + "(?:e?s)?"


_PHRASE = re.compile(r"\b(" + "|".join(_with_plural(p).replace("_", r"\s+") for p in _PHRASES) + r")\b", re.I)
_REVERSED: dict[str, list[str]] = {}
for _indonesian, _english in INDONESIAN_TO_ENGLISH.items():
    if "_" not in _english:     # English phrases ("due_to") are not looked up
        _REVERSED.setdefault(_english, []).append(_indonesian)
# Indonesian word -> the English word of which it is the first (most common) form, no plural where the glossary has the
# singular ("pejabat": "official", "bulan": "month"), else as the Indonesian list gives it; for english().
_ENGLISH_OF: dict[str, list[str]] = {}
for _english, _forms in ENGLISH_TO_INDONESIAN.items():
    _first = _forms.split("|")[0].lower()
    if "_" not in _english and _first and "_" not in _first:
        _ENGLISH_OF.setdefault(_first, []).append(_english)
_PLURALS = {"people", "children", "men", "women"}
_ENGLISH_WORD = {word: next((e for e in englishes if (not e.endswith("s") or e.endswith("ss"))
                             and e not in _PLURALS and not e.endswith("men")),     # "fishermen"
                            englishes[0][:-1] if englishes[0].endswith("s") else englishes[0])
                 for word, englishes in _ENGLISH_OF.items()}
for _indonesian, _english in INDONESIAN_TO_ENGLISH.items():
    if "_" not in _english:
        _ENGLISH_WORD.setdefault(_indonesian, _english)
# The Indonesian forms of the English words, the nations' names aside
_FORMS = [forms for english, forms in ENGLISH_TO_INDONESIAN.items() if english not in NATIONS]
# Every word of an Indonesian form of an English word (a question reads only those of them its passages write).
INDONESIAN_WORDS = frozenset(w for forms in [*_FORMS, *INDONESIAN_TO_ENGLISH]
                             for form in forms.split("|") for w in form.lower().split("_") if w)
_WORD = re.compile(r"\d+(?:[.,]\d+)+|\w[\w'-]*|[^\w\s]")    # a number whole: "Rp 2.000", "1,5 juta"
# Indonesian words that render one English word say the same ("win": menang, meraih, menjuarai; "budget": anggaran,
# dana): each is another way of writing the others (same_meaning()).
_SAME_MEANING: dict[str, set[str]] = {}
for _forms in _FORMS:
    _group = [f.replace("_", " ") for f in _forms.lower().split("|") if f]
    for _form in _group:
        if " " not in _form:
            _SAME_MEANING.setdefault(_form, set()).update(f for f in _group if f != _form)


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


# How Indonesian spells the English words it borrows, by their endings and letters (the loanword rules of the Pedoman
# Umum Pembentukan Istilah, Badan Bahasa): "-tion" as "-si" (koordinasi), "-ity" as "-itas" (fasilitas), "-ic" as "-ik"
# (publik), "-ive" as "-if" (aktif), "-y" as "-i" (royalti); c as k, or s before e and i; ph as f, x as ks, ou as u;
# double letters single. Ending rules that only drop a letter ("machine": "makin", "course": "kurs") find false friends.
_LOAN_ENDINGS = (("ization", "isasi"), ("isation", "isasi"), ("ation", "asi"), ("ition", "isi"), ("ution", "usi"),
                 ("tion", "si"), ("ssion", "si"), ("sion", "si"), ("ity", "itas"), ("ical", "is"), ("ical", "ik"),
                 ("ics", "ik"), ("ics", "i"), ("ic", "ik"), ("ive", "if"), ("ism", "isme"), ("ist", "is"), ("ure", "ur"),
                 ("ice", "isi"), ("ency", "ensi"), ("ence", "ensi"), ("ance", "ansi"), ("logy", "logi"), ("phy", "fi"),
                 ("ry", "ri"), ("ty", "ti"), ("gy", "gi"), ("cy", "si"), ("ate", "at"), ("or", "or"), ("er", "er"),
                 ("al", "al"), ("", ""))
_LOAN_LETTERS = (("ou", "u"), ("ph", "f"), ("th", "t"), ("qu", "kw"), ("x", "ks"), ("sch", "sk"), ("ch", "k"))


def _loan_spelling(stem: str) -> str:
    for english, indonesian_ in _LOAN_LETTERS:
        stem = stem.replace(english, indonesian_)
    stem = re.sub(r"c(?=[eiy])", "s", stem).replace("c", "k")
    stem = re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", stem)      # "commission": "komisi"
    return re.sub(r"(?<=[b-df-hj-np-tv-z])y(?=[b-df-hj-np-tv-z])", "i", stem)     # "system": "sistem"


def cognates(word: str) -> list[str]:
    """How Indonesian may spell an English word it borrows ("coordination" -> "koordinasi", "facilities" ->
    "fasilitas", "photos" -> "foto"), most likely first; many are no words. For a word of six letters or more: the
    passages found for a question decide which, if any, is meant (Question.worded_as_in)."""
    word = word.lower()
    if len(word) < 6 or not word.isalpha():
        return []
    stems = [word, word[:-3] + "y"] if word.endswith("ies") else [word, word[:-1]] if word.endswith("s") else [word]
    found = [_loan_spelling(stem[:len(stem) - len(ending)]) + loan for stem in stems
             for ending, loan in _LOAN_ENDINGS if stem.endswith(ending) and len(stem) - len(ending) >= 3]
    return [form for form in dict.fromkeys(found) if form != word and len(form) >= 5]


def rough_indonesian(text: str, written: Collection[str] = ()) -> str:
    """An English text word by word in Indonesian, in English order: each known word by its first Indonesian form, or
    by the first of its forms whose words `written` holds (the words of the passages found: "inaugurate" is
    "melantik" beside a story of officials sworn in, "meresmikan" beside one of a bridge opened), articles and
    auxiliaries left out; names (capitalised words after the first, months and days aside), numbers and unknown words
    stay."""
    def chosen(forms: tuple[str, ...]) -> str:
        return next((f for f in forms if all(w in written for w in f.lower().split())), forms[0])

    out, first, start = [], True, 0
    for phrase in [*_PHRASE.finditer(text), None]:   # a phrase ("senior high school") as a whole, its Indonesian
        for token in _WORD.findall(text[start:phrase.start() if phrase else len(text)]):   # not read again
            if token[:1].isupper() and token.lower() in CALENDAR:
                forms = (CALENDAR[token.lower()],)
            elif token[:1].isupper() and not first:
                forms = None
            else:
                forms = indonesian(token)
            if forms is None:
                out.append(token)
            elif forms:
                out.append(chosen(forms))
            first = False
        if phrase:
            out.append(chosen(indonesian("_".join(phrase.group(0).split()))))
            first, start = False, phrase.end()
    return re.sub(r"\s+([?,.!])", r"\1", " ".join(out))


def english(word: str) -> str | None:
    """The English word an Indonesian word renders, in the singular where the glossary has it ("pejabat" ->
    "official", "nelayan" -> "fisherman"); None for a word the lists do not know."""
    return _ENGLISH_WORD.get(word.lower())


def same_meaning(word: str) -> tuple[str, ...]:
    """The other Indonesian words and phrases that render an English word this Indonesian word renders ("tewas" ->
    ("meninggal",)); () for none."""
    return tuple(sorted(_SAME_MEANING.get(word.lower(), ())))
