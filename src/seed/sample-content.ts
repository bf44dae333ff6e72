/**
 * The sample content loaded into an empty database: the dry needling vs. acupuncture article,
 * the two treatments and the comparison it holds, the expert it quotes, the articles it links
 * to as related reading and trending topics, and the categories and tags they are filed under.
 * All text is original sample copy.
 */
import type { SampleBlock, SampleContent } from './seed.js';

type Span = { text: string; bold?: boolean; italic?: boolean; href?: string };

/** A level-2 heading (or another level when given). */
const heading = (text: string, level = 2): SampleBlock => ({ heading: { level, text } });

/** A paragraph of plain text, or of spans when given several parts. */
const paragraph = (...parts: (string | Span)[]): SampleBlock => ({
  paragraph: { spans: parts.map((part) => (typeof part === 'string' ? { text: part } : part)) },
});

/** A quote attributed to one of the sample people. */
const quote = (text: string, personSlug: string): SampleBlock => ({ quote: { text, personSlug } });

const KIMBERLY = 'adam-kimberly';
const REFERENCE = 'dry-needling-vs-acupuncture';
const EXPLAINER = 'dry-needling-what-it-is-and-how-it-works';

export const sampleContent: SampleContent = {
  categories: [
    { slug: 'chronic-pain', name: 'Chronic Pain', description: 'Understanding, treating and living with pain that lasts for months or longer.' },
    { slug: 'wellness', name: 'Wellness', description: 'Everyday habits and practices that support your physical and mental well-being.' },
    { slug: 'exercise-and-fitness', name: 'Exercise & Fitness', description: 'Guidance on moving more, training safely and recovering well.' },
    { slug: 'orthopaedics', name: 'Orthopaedics', description: 'Care for your bones, joints, muscles, tendons and ligaments.' },
    { slug: 'nutrition', name: 'Nutrition', description: 'What to eat, why it matters and how food affects your health.' },
  ],

  tags: [
    { slug: 'needling', name: 'Needling', description: 'Treatments that place very fine needles in the skin or muscle, whatever the tradition behind them.' },
    { slug: 'chronic-pain', name: 'Chronic pain', description: 'Pain that has lasted three months or more, and the ways people manage it.' },
    { slug: 'trigger-points', name: 'Trigger points', description: 'Tight, tender knots in a muscle that can hurt on their own or send pain somewhere else.' },
    { slug: 'traditional-chinese-medicine', name: 'Traditional Chinese medicine', description: 'The centuries-old system of care that acupuncture belongs to, built around qi and meridians.' },
    { slug: 'physical-therapy', name: 'Physical therapy', description: 'Exercise, movement and hands-on care that help the body recover its strength and range.' },
    { slug: 'complementary-medicine', name: 'Complementary medicine', description: 'Approaches used alongside mainstream medical care rather than in place of it.' },
  ],

  people: [
    {
      slug: KIMBERLY,
      name: 'Adam Kimberly',
      credentials: 'PT, DPT, OCS',
      jobTitle: 'Clinical rehabilitation manager',
      bio: 'Adam Kimberly is a physical therapist and board-certified orthopaedic specialist who manages clinical rehabilitation services. His work focuses on helping people recover movement and manage musculoskeletal pain, including with dry needling as part of a wider physical therapy plan.',
    },
  ],

  treatments: [
    {
      slug: 'dry-needling',
      name: 'Dry needling',
      otherNames: ['Intramuscular stimulation'],
      summary:
        'A Western-medicine technique in which a trained provider places thin needles into tight, tender spots in a muscle (myofascial trigger points) to ease pain and help you move more freely.',
      description: [
        paragraph(
          'Dry needling targets myofascial trigger points: knotted, irritable areas in muscle and the fascia around it that can hurt and limit how well a muscle or joint moves. A provider finds these spots by touch and inserts a fine needle directly into them.',
        ),
        paragraph(
          'When the needle reaches a trigger point, the muscle often gives a brief twitch. That response can loosen the tight area, bring more blood flow to it and lower pain. No medication is injected, which is where the word “dry” comes from.',
        ),
        paragraph(
          'In the U.S., dry needling is most often done by physical therapists, usually as one part of a broader treatment plan. ',
          { text: 'Read more about how dry needling works', href: `/articles/${EXPLAINER}` },
          '.',
        ),
      ],
    },
    {
      slug: 'acupuncture',
      name: 'Acupuncture',
      otherNames: [],
      summary:
        'A practice from traditional Chinese medicine in which very thin needles are placed at set points on the body to ease pain and other symptoms by restoring the flow of qi, or energy.',
      description: [
        paragraph(
          'Acupuncture has its roots in traditional Chinese medicine and has been practised for more than two thousand years. Practitioners place fine needles at acupoints that lie along meridians, channels believed to carry energy (qi) and to link to the body’s organ systems.',
        ),
        paragraph(
          'The aim is to bring that energy back into balance. Acupuncture is thought to prompt the brain to release endorphins, chemicals that lift mood and dull pain, and to support the body’s own healing. It is used for musculoskeletal pain as well as symptoms in other body systems.',
        ),
        paragraph(
          'In the U.S., acupuncture is given by licensed acupuncturists, and most states expect them to hold certification from the National Certification Commission for Acupuncture and Oriental Medicine (NCCAOM).',
        ),
      ],
    },
  ],

  comparisons: [
    {
      slug: REFERENCE,
      title: 'Dry needling vs. acupuncture',
      intro:
        'Both treatments put fine needles into your skin, but that is about where the overlap ends. Here is how they differ, aspect by aspect.',
      verdict:
        'Choose based on what you need help with. Dry needling is aimed at pain and stiffness caused by trigger points in your muscles and usually comes as part of physical therapy, while acupuncture takes a whole-body approach that covers musculoskeletal pain and other symptoms. Check with a healthcare provider before starting either; both are generally safe and low-risk.',
      treatments: ['dry-needling', 'acupuncture'],
      rows: [
        {
          aspect: 'Origins',
          cells: {
            'dry-needling':
              'A modern, Western-medicine therapy that grew out of 1940s research into trigger point pain, when patients improved from the needle alone without any anesthetic.',
            acupuncture:
              'An ancient practice of traditional Chinese medicine; its first recorded use in China dates to around 100 BCE, more than 2,000 years ago.',
          },
        },
        {
          aspect: 'Where the needles go',
          cells: {
            'dry-needling':
              'Straight into the trigger point causing the pain and stiffness, which the provider locates by feeling the muscle with their hands.',
            acupuncture:
              'Into acupoints along 14 meridians, so needles may be placed far from the problem, such as the ears or feet for low back pain.',
          },
        },
        {
          aspect: 'How it feels',
          cells: {
            'dry-needling':
              'Insertion is barely felt, but hitting a tender trigger point can cause soreness and a muscle twitch, which signals the right spot. Some soreness afterward is common.',
            acupuncture:
              'The needles are so fine you may only notice a slight prick, if anything. You may feel a little sore afterward.',
          },
        },
        {
          aspect: 'Time to relief',
          cells: {
            'dry-needling':
              'Some benefit is usually felt right away, and your provider may have you test your movement and give you stretches or exercises to build on it.',
            acupuncture:
              'You may feel calm and rested straight after, but relief from pain or other symptoms tends to take a few days to arrive.',
          },
        },
        {
          aspect: 'How long needles stay in',
          cells: {
            'dry-needling':
              'Only a few minutes; the provider may adjust a needle to get a muscle response and stays with you the whole time.',
            acupuncture:
              'Anywhere from a few minutes up to about 20 minutes, and the acupuncturist may step out so you can rest.',
          },
        },
        {
          aspect: 'Needle types',
          cells: {
            'dry-needling':
              'Thin, solid stainless-steel needles, sometimes a little thicker than acupuncture needles, though there is no fixed standard.',
            acupuncture: 'Thin, solid stainless-steel needles that are closer to a stiff thread than to a syringe needle.',
          },
        },
        {
          aspect: 'Number of needles',
          cells: {
            'dry-needling': 'No set number, but typically only a handful; Dr. Kimberly often uses just two or three.',
            acupuncture: 'No set number; it depends on the acupuncturist and the points they choose to treat.',
          },
        },
        {
          aspect: 'Session length',
          cells: {
            'dry-needling':
              'Often shorter, especially when the needling is one part of a visit that also includes soft tissue massage or electrical stimulation.',
            acupuncture: 'Often longer, partly because needles may be left in place for up to 20 minutes while you rest.',
          },
        },
        {
          aspect: 'Who performs it',
          cells: {
            'dry-needling':
              'Set by state law: mostly physical therapists, though physicians and physician assistants can do it and a few states require an acupuncturist.',
            acupuncture: 'Licensed acupuncturists; most states require certification by the NCCAOM.',
          },
        },
      ],
    },
  ],

  articles: [
    {
      slug: REFERENCE,
      title: 'Dry Needling vs. Acupuncture: What Sets Them Apart',
      dek: 'Each one uses fine needles and may ease pain, yet they come from different traditions, rest on different ideas and are carried out in different ways.',
      summary:
        'A physical therapist explains how dry needling and acupuncture differ: where each came from, where the needles are placed, what a session feels like, how soon you may feel better and who is qualified to do it.',
      category: 'chronic-pain',
      tags: ['needling', 'chronic-pain', 'trigger-points', 'traditional-chinese-medicine', 'physical-therapy'],
      publishedAt: '2024-02-13',
      heroImage: {
        url: '/images/dry-needling-gloved-hand.jpg',
        alt: 'A clinician’s blue-gloved hand guiding a fine dry needling needle into the muscle of a patient’s back',
        credit: 'Sample photo',
      },
      experts: [{ person: KIMBERLY, role: 'QUOTED' }],
      treatments: ['dry-needling', 'acupuncture'],
      comparisons: [REFERENCE],
      body: [
        paragraph(
          'Ask most people what dry needling and acupuncture have in common and they will say needles, specifically thin ones that go into your skin. That answer is correct, but it is also nearly the only thing the two share.',
        ),
        paragraph(
          'From their history and the thinking behind them to how many needles are used and how long an appointment lasts, the two treatments have little in common. Adam Kimberly, PT, DPT, OCS, a clinical rehabilitation manager, walks through how they compare and what each may do for you.',
        ),

        heading('What dry needling and acupuncture are'),
        paragraph(
          'Dry needling, also known as intramuscular stimulation, treats pain and limited movement linked to myofascial trigger points. These are stiff, tender spots in the fascia, the connective tissue around your muscles, that can keep muscles and joints from moving freely. Needling a trigger point makes the muscle twitch, which can relax the tightness, improve blood flow to the area and ease pain. ',
          { text: 'Learn more about how dry needling works', href: `/articles/${EXPLAINER}` },
          '.',
        ),
        paragraph(
          'Acupuncture comes from traditional Chinese medicine and may help with pain and symptoms of some other conditions. The idea is that it restores a balanced flow of qi, or energy, through the body. It is believed to prompt your brain to release endorphins, natural chemicals that make you feel good, and to encourage your body to heal itself.',
        ),
        quote(
          'Dry needling works on pain by going straight to the muscles and the connective tissue around them. Acupuncture, by contrast, is about bringing your energy back into balance and nudging your body to heal on its own.',
          KIMBERLY,
        ),

        heading('Where each practice comes from'),
        paragraph(
          'Acupuncture is thousands of years old and belongs to traditional Chinese medicine. Dry needling is a recent development that comes out of Western medicine.',
        ),
        paragraph(
          'The earliest written record of acupuncture in China dates to about 100 BCE, over two millennia ago. Many acupuncturists working today blend in ideas from Western medicine as well.',
        ),
        paragraph(
          'Dry needling only appeared in the 1940s. At the time, doctors were looking for better ways to relieve the pain caused by trigger points and were testing anesthetic injections into those sore spots.',
        ),
        quote(
          'Researchers were comparing anesthetics injected into tender knots in the muscle. What surprised them was that people in the placebo group, who got no medicine at all, still felt better just because a needle had gone into the trigger point and come back out.',
          KIMBERLY,
        ),
        paragraph(
          'Shots of anesthetic into these spots are now known as trigger point injections. Dry needling, which uses no medication at all, developed from that finding into a pain treatment in its own right.',
        ),

        heading('Where the needles go'),
        paragraph(
          'An acupuncturist places needles at acupoints located along 14 meridians, channels that are believed to carry energy through the body. Each meridian is thought to connect to a particular organ system, and working the points along it is meant to get your energy flowing properly again.',
        ),
        paragraph(
          'As a result, the needles may end up somewhere that seems to have nothing to do with your symptoms. Someone seeking help for low back pain, for instance, might have a needle placed by the ear or in the foot because those spots sit on a related meridian.',
        ),
        paragraph(
          'Dry needling is far more direct. The needle goes into the trigger point itself, the part of the muscle that is hurting and restricting movement, and your provider finds it by pressing and feeling the muscle with their hands.',
        ),
        quote(
          'We aim for the tight, tender spots in a muscle that aren’t moving the way they should, and the needle lets us reach deeper into that tissue. I think of it as an extension of my hands that gets to muscles massage and other hands-on techniques can’t reach.',
          KIMBERLY,
        ),

        heading('What it feels like'),
        paragraph(
          'Neither treatment is as painful as many people expect. The needles are so fine that you might not notice them going in at all, or you may feel a quick, light prick.',
        ),
        paragraph(
          'Soreness or discomfort is more likely, particularly with dry needling, because it goes right into trigger points that are already knotted and tender. When the needle reaches one, the muscle should twitch, and that is a good sign: it tells your provider the needle is in the right spot. Dr. Kimberly notes that some studies suggest more twitches may mean the benefits last longer.',
        ),
        paragraph(
          'Feeling a bit sore after either treatment is normal. Drinking plenty of water afterward can help with both the soreness and how well you move, he says.',
        ),

        heading('How soon you may feel relief'),
        paragraph(
          'Many people leave an acupuncture session feeling calm, rested and less stressed. Relief from pain or other symptoms, though, generally takes a few days to show up.',
        ),
        paragraph(
          'Dry needling tends to work faster, with some effects felt almost at once. Your provider will probably ask you to try moving the treated muscles to check whether your range of motion has improved, and may give you exercises to do afterward.',
        ),
        quote(
          'Stretching and exercise after a session help you put the muscle to work through the range of motion you’ve just gained, so you keep building on it. They can also ease the soreness that sometimes follows.',
          KIMBERLY,
        ),

        heading('How long the needles stay in'),
        paragraph(
          'In acupuncture, needles may be left in place for a few minutes or for as long as 20. The acupuncturist might even step out of the room so you can lie back and relax.',
        ),
        paragraph(
          'With dry needling, the needles come out quickly, usually after only a few minutes. Your provider may reposition a needle to get the muscle response they want and will stay beside you throughout.',
        ),
        quote(
          'The idea is to place the needle, give it a moment to work and take it out, so you can get up and see how much better you’re moving.',
          KIMBERLY,
        ),

        heading('Other ways they differ'),
        paragraph('A few more differences between the two treatments, at a glance:'),
        {
          list: {
            style: 'BULLETED',
            items: [
              {
                spans: [
                  { text: 'Types of needles:', bold: true },
                  {
                    text: ' Each practice uses fine stainless-steel needles that are more like a stiff thread than the needle on a syringe. Dry needling needles are sometimes a touch thicker, but there is no agreed standard.',
                  },
                ],
              },
              {
                spans: [
                  { text: 'Number of needles used:', bold: true },
                  {
                    text: ' Neither treatment has a fixed number, though dry needling usually involves only a few. Practitioners vary, Dr. Kimberly says, but he typically uses just two or three.',
                  },
                ],
              },
              {
                spans: [
                  { text: 'Length of a session:', bold: true },
                  {
                    text: ' Dry needling visits can be shorter than acupuncture visits, particularly when the needling is one piece of a wider pain treatment that may also include soft tissue massage and electrical stimulation.',
                  },
                ],
              },
            ],
          },
        },

        heading('Who performs each treatment'),
        paragraph(
          'In the U.S., acupuncture is given by licensed acupuncturists, and most states require them to be certified by the ',
          { text: 'National Certification Commission for Acupuncture and Oriental Medicine (NCCAOM)', href: 'https://www.nccaom.org/' },
          '.',
        ),
        paragraph(
          'Rules for dry needling are set state by state. Physical therapists do most of it, though a small number of states only allow acupuncturists to perform it, and physicians and physician assistants may offer it too. The American Physical Therapy Association publishes a guide to what each state allows.',
        ),

        heading('Which one should you try?'),
        paragraph(
          'The two treatments are built for different jobs. Acupuncture addresses musculoskeletal pain along with symptoms in other parts of the body, while dry needling focuses on pain and movement problems that stem from myofascial trigger points.',
        ),
        paragraph(
          'Dry needling is often recommended by a doctor who is already treating your pain, since it is typically one part of a larger physical therapy plan. If your doctor thinks it could help, they may refer you to a therapist who offers it. Depending on where you live, you may also be able to book it yourself without a referral.',
        ),
        paragraph(
          'These treatments are not right for everyone, so speak with a healthcare provider before trying either one. For most people, though, both are safe, low-risk options that may help with pain, and they may even ease a fear of needles along the way.',
        ),
      ],
      related: [
        { kind: 'RELATED_ARTICLE', article: 'is-earthing-actually-good-for-you' },
        { kind: 'RELATED_ARTICLE', article: 'muscle-weight-vs-fat-weight' },
        { kind: 'RELATED_ARTICLE', article: 'how-to-get-rid-of-muscle-knots' },
        { kind: 'RELATED_ARTICLE', article: EXPLAINER },
        { kind: 'RELATED_ARTICLE', article: 'hand-and-wrist-exercises-for-arthritis' },
        { kind: 'RELATED_ARTICLE', article: 'complementary-and-alternative-medicine' },
        { kind: 'RELATED_ARTICLE', article: 'kinesiology-tape-athletic-performance' },
        { kind: 'RELATED_ARTICLE', article: 'causes-of-chronic-pain' },
        { kind: 'TRENDING_TOPIC', article: 'calories-burned-in-a-day' },
        { kind: 'TRENDING_TOPIC', article: 'foods-high-in-iron' },
        {
          kind: 'EXTERNAL_REFERENCE',
          url: 'https://www.nccaom.org/',
          label: 'National Certification Commission for Acupuncture and Oriental Medicine (NCCAOM)',
        },
      ],
    },

    {
      slug: 'is-earthing-actually-good-for-you',
      title: 'Is Earthing Actually Good for You? Here’s What We Know',
      dek: 'Touching the ground directly may do some good for body and mind, but the evidence is early and it won’t fix everything.',
      summary:
        'Earthing, or grounding, means making direct skin contact with the ground, such as walking barefoot on grass. Here is what early research suggests and where its limits are.',
      category: 'wellness',
      publishedAt: '2024-04-19',
      heroImage: {
        url: '/images/is-earthing-actually-good-for-you.jpg',
        alt: 'A smiling person lying on their back in tall grass with their eyes closed',
      },
      body: [
        paragraph(
          'Earthing, sometimes called grounding, is the practice of putting your bare skin in contact with the earth: walking barefoot on grass or sand, lying on the ground or using mats designed to mimic that contact. Supporters believe it lets the body take up electrical charge from the earth’s surface.',
        ),
        paragraph(
          'A handful of small studies have linked grounding with better sleep, lower stress and less inflammation, but the research is limited and more work is needed. Spending time outdoors is good for you in many ways, so there is little harm in trying it, as long as you don’t treat it as a replacement for medical care.',
        ),
      ],
    },

    {
      slug: 'muscle-weight-vs-fat-weight',
      title: 'The Difference Between Muscle Weight vs. Fat Weight',
      dek: 'Your body relies on both, and the number on the scale can’t tell them apart.',
      summary:
        'A pound of muscle and a pound of fat weigh the same, but muscle is denser and takes up less room. Here is why body composition matters more than the scale.',
      category: 'exercise-and-fitness',
      publishedAt: '2024-04-12',
      heroImage: {
        url: '/images/muscle-weight-vs-fat-weight.jpg',
        alt: 'A person standing on a bathroom scale looking down at the reading with a puzzled expression',
      },
      body: [
        paragraph(
          'A pound is a pound, whether it is muscle or fat. The difference is density: muscle packs the same weight into a smaller space, which is why two people who weigh the same can look quite different.',
        ),
        paragraph(
          'Both tissues have jobs to do. Muscle moves you and burns energy even at rest, while fat stores energy, cushions organs and helps regulate hormones. Rather than chasing a number on the scale, it can be more useful to look at your overall body composition with a healthcare provider.',
        ),
      ],
    },

    {
      slug: 'how-to-get-rid-of-muscle-knots',
      title: 'Loosen Up Those Muscle Knots: Here’s How To Get Rid of Them',
      dek: 'Gentle stretching, a heating pad or a massage gun can bring fast relief from tight, tender spots.',
      summary:
        'Muscle knots are tight, sensitive areas in a muscle that can ache or limit movement. Learn what causes them and simple ways to ease them at home.',
      category: 'exercise-and-fitness',
      tags: ['trigger-points', 'physical-therapy'],
      publishedAt: '2024-02-26',
      heroImage: {
        url: '/images/how-to-get-rid-of-muscle-knots.jpg',
        alt: 'A person sitting on an exercise mat massaging the muscles of their thigh',
      },
      body: [
        paragraph(
          'A muscle knot, known clinically as a myofascial trigger point, is a small area of muscle that stays tight when it should relax. Overuse, poor posture, stress and long stretches of sitting can all contribute, and a knot may ache on its own or send pain to nearby areas.',
        ),
        paragraph(
          'Many knots ease with simple care: regular stretching, heat, foam rolling or a massage gun, and breaks from staying in one position. If a knot keeps coming back or limits how you move, a physical therapist can help, sometimes with techniques such as ',
          { text: 'dry needling', href: `/articles/${EXPLAINER}` },
          '.',
        ),
      ],
      related: [
        { kind: 'RELATED_ARTICLE', article: EXPLAINER },
        { kind: 'RELATED_ARTICLE', article: 'kinesiology-tape-athletic-performance' },
      ],
    },

    {
      slug: EXPLAINER,
      title: 'Dry Needling: What It Is and How It Works',
      dek: 'Used alongside other therapies, it can relax tight muscles and bring down pain.',
      summary:
        'Dry needling places thin needles into trigger points in muscle to relieve pain and stiffness. Here is how it works, what to expect and who provides it.',
      category: 'chronic-pain',
      tags: ['needling', 'trigger-points', 'physical-therapy'],
      publishedAt: '2023-12-13',
      heroImage: {
        url: `/images/${EXPLAINER}.jpg`,
        alt: 'A close-up of several fine dry needling needles placed in the skin over a muscle',
      },
      treatments: ['dry-needling'],
      body: [
        paragraph(
          'Dry needling is a treatment in which a trained provider, most often a physical therapist, inserts thin, solid needles into myofascial trigger points. These are tight, tender areas in a muscle that can cause pain and make it harder to move.',
        ),
        paragraph(
          'When the needle reaches a trigger point, the muscle may twitch and then let go. That can loosen the tight band, increase blood flow and reduce pain. Dry needling usually works best as one part of a larger plan that includes exercise, stretching and other hands-on therapy.',
        ),
        paragraph(
          'Wondering how it stacks up against a better-known needle therapy? See ',
          { text: 'how dry needling differs from acupuncture', href: `/articles/${REFERENCE}` },
          '.',
        ),
      ],
      related: [
        { kind: 'RELATED_ARTICLE', article: REFERENCE },
        { kind: 'RELATED_ARTICLE', article: 'how-to-get-rid-of-muscle-knots' },
        { kind: 'RELATED_ARTICLE', article: 'causes-of-chronic-pain' },
      ],
    },

    {
      slug: 'hand-and-wrist-exercises-for-arthritis',
      title: '16 Hand and Wrist Exercises To Help Ease Arthritis Pain',
      dek: 'Easy moves such as tendon glides and finger lifts can make a real difference to stiff, sore joints.',
      summary:
        'Regular, gentle hand and wrist exercises can help keep joints flexible and reduce arthritis pain. Here is how to get started safely.',
      category: 'orthopaedics',
      tags: ['chronic-pain', 'physical-therapy'],
      publishedAt: '2023-11-16',
      heroImage: {
        url: '/images/hand-and-wrist-exercises-for-arthritis.jpg',
        alt: 'A person seated with their hands in their lap, rubbing a sore wrist',
      },
      body: [
        paragraph(
          'Arthritis in the hands and wrists can make everyday tasks like opening jars or typing painful. Gentle exercises that move the joints through their range, such as tendon glides, finger lifts and wrist bends, can help keep them flexible and strengthen the muscles that support them.',
        ),
        paragraph(
          'Move slowly, stop if an exercise causes sharp pain and aim for a little practice most days. A physical or occupational therapist can tailor a routine to your joints and show you how to do each move correctly.',
        ),
      ],
    },

    {
      slug: 'complementary-and-alternative-medicine',
      title: 'What Do ‘Complementary’ and ‘Alternative’ Medicine Really Mean?',
      dek: 'Many providers now prefer the word “integrative,” and the older labels are falling out of use.',
      summary:
        'Complementary, alternative and integrative medicine describe different ways of combining non-mainstream practices, such as acupuncture, with conventional care. Here is what each term means.',
      category: 'wellness',
      tags: ['complementary-medicine', 'traditional-chinese-medicine', 'needling'],
      publishedAt: '2023-10-26',
      heroImage: {
        url: '/images/complementary-and-alternative-medicine.jpg',
        alt: 'A person lying face down on a treatment table with several thin acupuncture needles in their back',
      },
      treatments: ['acupuncture'],
      body: [
        paragraph(
          '“Complementary” medicine refers to a non-mainstream practice used together with standard medical care, while “alternative” medicine means using such a practice in place of it. Acupuncture, massage and meditation are familiar examples.',
        ),
        paragraph(
          'Today many health systems talk about integrative medicine instead: bringing evidence-based practices like acupuncture into conventional care in a coordinated way that treats the whole person. If you are curious about one of these therapies, tell your healthcare provider so it fits safely with the rest of your treatment.',
        ),
      ],
      related: [{ kind: 'RELATED_ARTICLE', article: REFERENCE }],
    },

    {
      slug: 'kinesiology-tape-athletic-performance',
      title: 'Can Kinesiology Tape Help Your Athletic Performance?',
      dek: 'Stretchy therapeutic tape may give your body some added support, but it won’t boost your numbers.',
      summary:
        'Kinesiology tape is a flexible adhesive tape used to support muscles and joints. Here is what it may help with and what it can’t do.',
      category: 'exercise-and-fitness',
      tags: ['physical-therapy'],
      publishedAt: '2023-09-04',
      heroImage: {
        url: '/images/kinesiology-tape-athletic-performance.jpg',
        alt: 'One person applying strips of kinesiology tape around another person’s knee',
      },
      body: [
        paragraph(
          'Kinesiology tape is a stretchy, breathable tape applied to the skin over muscles and joints. Athletes and physical therapists use it to offer light support, to remind the body about posture and movement and, for some people, to ease pain or swelling.',
        ),
        paragraph(
          'What it can’t do is make you faster or stronger; studies have not shown that it improves athletic performance. Think of it as one tool among many, and ask a physical therapist how to apply it for your needs.',
        ),
      ],
    },

    {
      slug: 'causes-of-chronic-pain',
      title: '7 Causes of Chronic Pain',
      dek: 'Arthritis, migraine and endometriosis are among the conditions that most often lead to lasting pain.',
      summary:
        'Chronic pain is pain that persists for months. Learn about some of the conditions that commonly cause it and why getting a diagnosis matters.',
      category: 'chronic-pain',
      tags: ['chronic-pain'],
      publishedAt: '2023-08-01',
      heroImage: {
        url: '/images/causes-of-chronic-pain.jpg',
        alt: 'A patient holding their lower back as a doctor holds open the door to an exam room',
      },
      body: [
        paragraph(
          'Pain is usually called chronic when it lasts longer than about three months or continues after an injury should have healed. It can affect sleep, mood, work and relationships as much as the body itself.',
        ),
        paragraph(
          'Many conditions can be behind it, with arthritis, migraine and endometriosis among the most common. Finding the underlying cause helps your care team choose the right mix of treatments, which may include medication, physical therapy and other approaches.',
        ),
      ],
      related: [
        { kind: 'RELATED_ARTICLE', article: EXPLAINER },
        { kind: 'RELATED_ARTICLE', article: REFERENCE },
      ],
    },

    {
      slug: 'calories-burned-in-a-day',
      title: 'Here’s How Many Calories You Naturally Burn in a Day',
      dek: 'Even without any exercise, your metabolism may use somewhere around 1,300 to 2,000 calories each day.',
      summary:
        'Your body burns calories just keeping you alive. Here is roughly how many, and the factors that push that number up or down.',
      category: 'nutrition',
      publishedAt: '2024-03-18',
      heroImage: {
        url: '/images/calories-burned-in-a-day.jpg',
        alt: 'A person in a yellow T-shirt and jeans resting on a green couch while looking at their phone',
      },
      body: [
        paragraph(
          'Breathing, pumping blood and keeping your organs running all take energy. The calories your body uses for these basic tasks, known as your basal metabolic rate, often add up to roughly 1,300 to 2,000 a day before you move at all.',
        ),
        paragraph(
          'Your own number depends on things like age, sex, body size and how much muscle you carry. Daily activity and exercise add to the total, which is why estimates are only a starting point.',
        ),
      ],
    },

    {
      slug: 'foods-high-in-iron',
      title: '52 Foods High In Iron',
      dek: 'Tuna, tofu and turkey are just a few of the foods that can raise your iron intake.',
      summary:
        'Iron helps your blood carry oxygen. Here is where to find it in animal and plant foods and how to help your body absorb more of it.',
      category: 'nutrition',
      publishedAt: '2024-01-22',
      heroImage: {
        url: '/images/foods-high-in-iron.jpg',
        alt: 'A woman eating a snack of raisins and mixed nuts from a small bowl',
      },
      body: [
        paragraph(
          'Your body needs iron to make hemoglobin, the protein in red blood cells that carries oxygen. Without enough, you may feel tired and weak.',
        ),
        paragraph(
          'Iron from meat, poultry and seafood, called heme iron, is absorbed most easily. Plant sources such as beans, lentils, tofu, spinach and dried fruit provide non-heme iron, and eating them with a food rich in vitamin C can help your body take in more.',
        ),
      ],
    },
  ],
};
