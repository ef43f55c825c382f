import json, re, sys, itertools, collections, datetime
from email.utils import parsedate_to_datetime
def fold(w):
    w=re.sub('[\u064B-\u065F\u0670\u0640]','',w)
    w=re.sub('[أإآٱ]','ا',w).replace('ى','ي').replace('ة','ه')
    for p in ['وال','بال','كال','فال','لل','ال']:
        if w.startswith(p) and len(w)-len(p)>=2: return w[len(p):]
    if len(w)>=4 and w[0] in 'وفبل': w=w[1:]
    return w
stop=set(fold(w) for w in "في من على الى إلى عن مع ان أن إن هذا هذه بعد قبل بين حول ما لا لم قد كل بعد يوم عام اليوم جديد جديدة أول بسبب خلال".split())
arts=[]
for split in ['dev','test']:
    for line in open(f'{sys.argv[1]}/{split}.jsonl'):
        d=json.loads(line)
        try: t=parsedate_to_datetime(d['date'])
        except Exception: continue
        words=[fold(w) for w in re.findall(r'\w+', d['title'])]
        words=set(w for w in words if len(w)>=3 and w not in stop and not w.isdigit())
        arts.append((d['id'],split,d['source'],t,d['title'],words))
df=collections.Counter(w for a in arts for w in a[5])
N=len(arts)
import math
parent=list(range(N))
def find(x):
    while parent[x]!=x: parent[x]=parent[parent[x]]; x=parent[x]
    return x
bydate=sorted(range(N), key=lambda i: arts[i][3])
for ii,i in enumerate(bydate):
    for j in bydate[ii+1:]:
        if (arts[j][3]-arts[i][3]).total_seconds()>2*86400: break
        if arts[i][2]==arts[j][2]: continue
        common=arts[i][5]&arts[j][5]
        score=sum(math.log(N/df[w]) for w in common)
        if len(common)>=2 and score>=11:
            parent[find(i)]=find(j)
groups=collections.defaultdict(list)
for i in range(N): groups[find(i)].append(i)
out=[g for g in groups.values() if 2<=len(g)<=10]
out.sort(key=lambda g: arts[g[0]][3])
print(len(out), sum(len(g) for g in out), file=sys.stderr)
for k,g in enumerate(out):
    print(f"== G{k}")
    for i in sorted(g,key=lambda i: arts[i][3]):
        a=arts[i]; print(f"{a[0]}\t{a[1]}\t{a[2]}\t{a[3]:%m-%d %H}\t{a[4]}")
