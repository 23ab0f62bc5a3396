"""Rough English versions of FacQA's Indonesian questions, for training the reader on English questions.

Readers also ask in English about Indonesian articles ("Who won the men's singles title at the 2017 Japan
Open?"). FacQA has Indonesian questions only, and a reader trained on them gave right answers to English
questions probabilities under 0.001 (docs/reader.md). No English questions about Indonesian passages are
available under a licence that lets a model ship, so training turns some FacQA questions into English word
by word: the question words by the rules below, other words through a glossary of common news words written
for this project; names, numbers and words it does not know stay as they are. The result is not good English
("Who that lead meeting cabinet limited from Missouri?") but it has what the reader must learn: an English
question word and English words for what the Indonesian passage says, around names that stay the same.
"""
from __future__ import annotations

import re

# Question words and phrases, longest first: (Indonesian, English).
QUESTION_PHRASES = [
    ("siapakah nama", "what is the name of"), ("siapa nama", "what is the name of"),
    ("apakah nama", "what is the name of"), ("apa nama", "what is the name of"),
    ("tanggal berapakah", "on what date"), ("tanggal berapa", "on what date"),
    ("tahun berapakah", "in what year"), ("tahun berapa", "in what year"),
    ("pada tahun berapa", "in what year"), ("pada tanggal berapa", "on what date"),
    ("pada tahun", "in the year"), ("pada tanggal", "on the date"),
    ("berapa jumlah", "how many"), ("berapakah jumlah", "how many"),
    ("berapa banyak", "how many"), ("berapa lama", "how long"), ("berapa harga", "how much is the price of"),
    ("di manakah", "where"), ("di mana", "where"), ("dimanakah", "where"), ("dimana", "where"),
    ("ke manakah", "where to"), ("ke mana", "where to"), ("kemanakah", "where to"), ("kemana", "where to"),
    ("dari manakah", "where from"), ("dari mana", "where from"),
    ("sejak kapan", "since when"), ("sampai kapan", "until when"), ("hingga kapan", "until when"),
    ("siapakah", "who"), ("siapa", "who"), ("kapankah", "when"), ("kapan", "when"),
    ("berapakah", "how many"), ("berapa", "how many"), ("apakah", "what"), ("apa", "what"),
    ("manakah", "which"), ("mana", "which"), ("bagaimana", "how"), ("mengapa", "why"), ("kenapa", "why"),
]

# Common words of news questions, Indonesian to English (written for this project).
GLOSSARY = dict(line.split(":", 1) for line in """\
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


def to_english(question: str) -> str:
    """`question` word by word in English (see the module's docstring); names and unknown words stay."""
    text = question.strip()
    lowered = text.lower()
    lead = ""
    for indonesian, english in QUESTION_PHRASES:
        if re.match(rf"{re.escape(indonesian)}\b", lowered):
            lead, text = english, text[len(indonesian):]
            break
    out = []
    for i, token in enumerate(re.findall(r"\w[\w-]*|[^\w\s]", text)):
        english = GLOSSARY.get(token.lower())
        # A capitalised word inside the question is part of a name ("Kota Bandung", "Partai Golkar").
        named = token[:1].isupper() and (i > 0 or lead)
        out.append(token if english is None or named else english.replace("_", " "))
    # The question words that end up inside the question ("Presiden siapa ...", "... tahun berapa?").
    words = " ".join(out)
    for indonesian, english in QUESTION_PHRASES:
        words = re.sub(rf"\b{re.escape(indonesian)}\b", english, words, flags=re.I)
    sentence = f"{lead} {words}".strip()
    sentence = re.sub(r"\s+([?,.!])", r"\1", sentence)
    return sentence[:1].upper() + sentence[1:]
