/**
 * Words that say nothing about what a customer wants, in Spanish, Portuguese and English
 * (folded: lower case, no accents): articles, pronouns, possessives,
 * prepositions, auxiliary and wanting verbs ("quiero", "preciso", "pueden"
 * come with every request), fillers, greetings and courtesy. Negations are
 * not: customers write to say what does not work ("no me llegó", "não carrega"),
 * so "no", "sin" or "nada" can tell one intent from another.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(`
a al algo algun alguna algunas alguno algunos ante aqui aca ai alla alli ahi as asi ao aos aquel aquela aquele aquella aquello aquilo
cada como con contigo comigo conmigo cual cuales qual quais cuando quando da das de del desde do dos donde onde dum duma
e el ela ele eles elas ellos ellas em en entre entonces entao era es esa esas ese eso esos essa essas esse esses esta estas este estes esto estos isso isto
eu fue ha hay habia la las le les lhe lhes lo los me mi mis mio mia meu meus minha minhas
mismo misma mesmo mesma na nas nos nosotros nosso nossa nuestro nuestra num numa o os otra otro outra outro
para pela pelo pelas pelos pero mas por porque pra pro pues q que quien quem se ser seu sua seus suas sobre su sus ta te ti to tu tus tuyo teu tua
um uma un una uno unos unas vez veces vezes voce voces vos vosotros y ya yo tipo ne ate hasta
es soy somos son sou sao estoy esta estamos estan estou estao estava estaba estar fica ficou anda andan andas ando andar
tengo tiene tienen tenemos tenia tener tenho tem temos tinha ter
hago hace hacen hacer hice faz fazer fiz
puedo puede pueden podes podemos podria puedes posso pode podem poderia poder
quiero quiere quisiera queria quieren querer quero gostaria gustaria deseo desejo necesito necesita preciso precisa
muy muito mucho mucha poco pouco poca todo toda todos todas tudo
hoy hoje ahora agora ayer ontem siempre sempre tambien tambem ademas despues depois luego aun ainda todavia igual nomas re super bastante demasiado demais tanto cosa coisa
hola ola oi opa hello hi hey oye oigan che buen buena buenas buenos bom boa dia dias tarde tardes noche noches noite noites
gracias obrigado obrigada saludos porfa favor bueno bien tal eae blz beleza
the an and or but of in on at by for from with about into than then if so it its is are was were be been am
i you your yours he she we us our my mine they them their this that these those there here
what which who whom whose when where why how can could would will should shall may might must
does did have had having get got just also too very any some all much many
want need like know tell please thank thanks hello s t
`.trim().split(/\s+/));
