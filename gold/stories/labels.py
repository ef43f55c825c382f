import sys
# Hand labels over candidate groups: 'y' = one story; 'n' = all separate; otherwise a list of parts
# (lists of indexes), each part optionally named to join parts across groups: ("name", [idx...]).
L = {
0:'y',1:'y',2:'y',3:'y',4:'y',5:'y',6:'y',7:[("iran-plane",[0,1])],8:'n',9:[[2,3]],10:'n',11:'n',12:[("iran-plane",[0,1])],
13:'y',14:'y',15:'y',16:'y',17:'n',18:'y',19:'y',20:'y',21:'y',22:'y',23:'n',24:'y',25:'y',26:'y',27:'n',28:'n',
29:[("skripal",[0,1,2])],30:'y',31:'n',32:'y',33:'y',34:'y',35:'y',36:[("skripal",[0,1,2,3,4,5,6,7])],37:'y',38:'y',39:'y',40:'y',
41:'y',42:'y',43:'y',44:'n',45:'y',46:'n',47:'y',48:'y',49:[("russia-election",[0,1])],50:'y',51:[("russia-election",[0,1,2])],
52:[("skripal",[0,1,2,3,4])],53:'y',54:'y',55:[("skripal",[0,1])],56:'y',57:'y',58:'y',59:'y',60:'y',61:'y',62:'y',63:'y',
64:[[0,1,2,3,4,5,6]],65:'n',66:'y',67:[("kim-china",[0,1])],68:'y',69:[("kim-china",[0])],70:'y',71:'y',72:'y',73:[("skripal",[0])],
74:[[0,1]],75:'y',76:[("kim-china",[0])],77:'y',78:'y',79:'n',80:[("park-verdict",[0,1])],81:'n',82:'y',83:[[1,2,3,4]],84:'y',85:'y',
86:'y',87:'y',88:'y',89:[("park-verdict",[0,1])],90:'y',91:'y',92:'y',93:'y',94:[("douma-chem",[0,1,2,3,5,6])],95:[("douma-chem",[1])],
96:'y',97:'y',98:'y',99:'y',100:'y',101:[("douma-response",[0,1])],102:'y',103:[("douma-response",[0,1])],104:[("opcw-douma",[0,1,2])],
105:'y',106:'y',107:'y',108:[("opcw-douma",[0,1])],109:'y',
110:'y',111:'n',112:[[0,1]],113:'y',114:'y',115:'y',116:'y',117:'n',118:'y',119:'y',120:'y',121:'y',122:[("iran-files",[0,1])],
123:'y',124:[("iran-files",[0,1])],125:'y',126:'y',127:'y',128:'y',129:'n',130:'n',131:'y',132:'y',133:'n',134:'y',135:'y',
136:[("embassy",[0,1])],137:'n',138:[("embassy",[0,1])],139:'y',140:'y',141:'y',142:[[0,1,2],("paris-knife",[3,4])],143:[("paris-knife",[0,1,2,3])],
144:'y',145:[("embassy",[0,1,2,3,4,5,6,7,8])],146:'y',147:'n',148:'y',149:'n',150:'y',151:'y',152:'y',153:'y',154:'y',155:'y',156:'n',
157:'y',158:[[1,2,3,4]],159:'n',160:'y',161:'y',162:'n',163:'y',164:'y',165:[[2,3,4,5,6]],166:'y',167:'n',168:'y',169:'y',
}
import re, zlib
blocks=open(sys.argv[1]).read().split('== ')[1:]
rows=[]
for block in blocks:
    lines=block.strip().split('\n'); g=int(lines[0][1:])
    if g not in L: continue
    arts=[l.split('\t') for l in lines[1:]]
    spec=L[g]
    label=[None]*len(arts)
    if spec=='y': label=[f"s{g:03d}"]*len(arts)
    elif spec=='n': pass
    else:
        for pi,part in enumerate(spec):
            name, idx = (part if isinstance(part,tuple) else (f"s{g:03d}{chr(97+pi)}", part))
            for i in idx: label[i]=name
    for i,a in enumerate(arts):
        rows.append((a[0], label[i] or f"s{g:03d}-single{i}", a[1], a[2], a[3], a[4], g))
# an article may appear in one group only (union-find), so ids are unique
ids=[r[0] for r in rows]; assert len(ids)==len(set(ids))
# split by story label: whole stories go to dev or test
def side(lbl): return 'dev' if zlib.crc32(lbl.encode())%2==0 else 'test'
import collections
for s in ['dev','test']:
    sel=[r for r in rows if side(r[1])==s]
    stories=collections.Counter(r[1] for r in sel)
    with open(f'{sys.argv[2]}/ant-stories-{s}.tsv','w') as f:
        f.write(f"# Marsad story gold ({s} half): ANT v2.1 multisource article id TAB story label.\n")
        f.write("# Hand-labelled by the Marsad archive engineer; see README.md. Texts are not included.\n")
        for r in sorted(sel, key=lambda r:(r[1],r[0])): f.write(f"{r[0]}\t{r[1]}\n")
    print(s, len(sel), 'articles', len(stories), 'stories', sum(1 for c in stories.values() if c>1), 'multi')
print(len(rows))
