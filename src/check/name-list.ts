/**
 * Given names and surnames common in the United Kingdom (of English,
 * Welsh, Scottish, Irish, South Asian, Polish, West African, Chinese and
 * Spanish origin), written for reflect-code's anonymity check. An
 * ALL-CAPS or lower-case word is reported as a name only when it is one
 * of these and not a common English word, so that acronyms and ordinary
 * words are left alone. Names shorter than three letters, and names that
 * are everyday words (Rose, May, Long), are left out.
 */
export const NAMES: ReadonlySet<string> = new Set(`
olivia amelia isla isabella sophia freya florence evie poppy charlotte ella emily sienna alice
phoebe matilda harper evelyn sophie elsie ellie chloe jessica emma hannah lucy laura rebecca sarah
rachel katie lauren megan bethany georgia abigail natalie samantha jennifer nicola michelle claire
karen susan julie lisa tracey tracy joanne helen elizabeth margaret patricia linda barbara dorothy
doreen joan shirley sandra pauline janet christine gillian angela deborah debbie wendy brenda
maureen sheila valerie eileen kathleen beverley jacqueline diane denise lorraine alison kirsty
leanne gemma stacey danielle chelsea aimee shannon courtney jodie kayleigh keeley siobhan niamh
aoife ciara orla roisin sinead eilidh morag catriona mhairi fiona ailsa kirsten carys cerys ffion
seren bethan rhiannon sian angharad priya anjali pooja sunita anita aisha ayesha fatima zainab amina
maryam khadija nadia samira yasmin leila farah noor sana saima shabana nasreen parveen rukhsana
gurpreet harpreet jaspreet manpreet simran kiran neha divya deepa meena lakshmi kavita rani zara
amira agnieszka katarzyna magdalena joanna anna maria monika marta justyna aleksandra olga irina
natasha svetlana tatiana ngozi chioma amara adaeze funmilayo abimbola folake yetunde chipo rutendo
ying lucia carmen isabel ines beatriz jane mary anne annie kate kathryn catherine caroline victoria
louise jenny jenna heidi lindsey lesley tina teresa theresa marion maxine yvonne yvette bridget
brigid colette sharon hayley kerry gail gloria jill joyce judith judy june lynn lynne marie mandy
melanie miriam norma paula rita ruth sally sonia stella vanessa vera vicky wanda oliver george noah
arthur muhammad mohammed mohammad mohamed leo oscar harry archie henry charlie freddie theodore
thomas jacob alfie william isaac james joshua finley lucas teddy ethan alexander daniel samuel
joseph benjamin edward logan david michael john paul peter richard robert christopher matthew andrew
stephen steven anthony kevin gary neil simon jason darren craig scott stuart graham keith trevor
derek barry colin malcolm nigel clive geoffrey brian alan kenneth raymond dennis terence gordon
douglas hamish callum ewan angus fraser alasdair lachlan ruaridh dylan rhys gareth dafydd emyr iwan
owain ieuan cian conor declan ciaran sean liam padraig niall seamus ravi rajesh sanjay vijay amit
anil arun deepak manoj suresh ramesh ashok harjit gurdeep jaswinder kulwinder ahmed hassan hussain
ibrahim imran kamran omar yusuf tariq bilal faisal zubair zain arjun rohan vikram aaron adam adrian
alex ashley bradley carl connor dominic elliot elliott frederick gavin glen harvey jake jamie jordan
kieran lewis luke marcus martin nathan nicholas patrick philip reece ross ryan shane toby tyler
wayne piotr krzysztof tomasz pawel marek michal jakub lukasz andrzej grzegorz wojciech kamil
oleksandr dmitri sergei chinedu emeka chukwuemeka obinna tunde oluwaseun kwame kofi kwabena farai
tatenda hiroshi kenji takeshi jose juan carlos miguel luis pedro antonio francisco javier diego
mateo charles edmund ernest harold howard hugh jeremy julian leonard lionel maurice norman percy
ralph roger roland ronald rupert russell sidney stanley timothy tony vincent walter wilfred
smith jones williams taylor davies evans wilson johnson roberts robinson thompson wright walker
white edwards hughes green hall harris clarke patel jackson wood turner cooper hill ward morris
moore clark king baker harrison morgan allen phillips watson davis parker price bennett young
griffiths mitchell kelly cook carter richardson bailey collins bell shaw murphy miller cox richards
khan marshall anderson simpson ellis adams singh begum wilkinson foster chapman powell webb rogers
gray mason hunt campbell matthews owen palmer holmes mills barnes knight butler barker fisher
stevens jenkins murray dixon pearson fletcher walsh kaur gibson andrews stewart reynolds saunders
payne fox ford pearce brooks west lawrence cole atkinson spencer gill dawson ball burton watts booth
perry grant wells armstrong francis rees hayes hart hudson newman barrett webster hunter gregory
carr lowe page marsh riley dunn woods parsons berry stone reid holland hawkins harding porter
robertson newton reed kennedy williamson bird gardner shah dean lane cooke bates henderson parry
burgess bishop walton burns nicholson shepherd freeman warren nicholls hamilton byrne sutton
mcdonald yates hodgson robson curtis hopkins coleman watkins moss mccarthy chambers griffin sharp
hardy wheeler potter osborne johnston doyle wallace hutchinson rowe burke pritchard gilbert willis
higgins whitehead thornton rahman chaudhry iqbal malik hussein mahmood akhtar sharma kumar gupta
mistry chauhan nowak kowalski wisniewski wojcik kaminski lewandowski zielinski szymanski okafor
okonkwo adeyemi mensah boateng nguyen wang zhang liu chen huang jameson
`.split(/\s+/).filter(Boolean));

/**
 * Names that the lexicon also knows as rare words (a charlotte is a
 * pudding, a john a toilet): capitalised, they are names.
 */
export const NAMES_BEFORE_WORDS: ReadonlySet<string> = new Set(['charlotte', 'lucy', 'maria', 'william', 'john', 'peter', 'graham', 'hugh', 'tony', 'harry', 'sally', 'sana', 'khan', 'shah']);

/**
 * Given names that are everyday words (Rose, Mark, Will): a name only
 * right before another name, as in "Rose Smith".
 */
export const WORD_NAMES: ReadonlySet<string> = new Set(['rose', 'mark', 'will', 'grace', 'hope', 'joy', 'faith', 'amber', 'ruby', 'jack', 'bill', 'may', 'june', 'dawn', 'frank', 'pat', 'sue', 'ray', 'rob', 'bob', 'don', 'guy', 'carol', 'holly', 'ivy', 'daisy', 'violet', 'heather', 'jasmine', 'olive', 'pearl', 'lily', 'iris', 'summer', 'sandy', 'drew', 'gene', 'victor', 'penny', 'robin', 'ben', 'kim', 'lee', 'ian', 'amy', 'max', 'jean', 'glen', 'poppy', 'teddy']);
