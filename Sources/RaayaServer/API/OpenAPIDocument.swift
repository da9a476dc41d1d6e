import Foundation

/// The OpenAPI 3.1 description of every route in `Routes`; a test fails when a route is missing here.
enum OpenAPIDocument {
    static let json: Data = Data(text.utf8)

    private static let text = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Raaya API",
        "version": "1.0.0",
        "summary": "Customer care for Arabic and English speaking teams.",
        "description": "Raaya is a customer-care server: tickets from every channel, customers recognised by email and phone, groups, and full-text search in Arabic and English.\n\nراية خادم لخدمة العملاء: تذاكر من جميع القنوات، وعملاء يُتعرَّف عليهم بالبريد الإلكتروني ورقم الهاتف، ومجموعات عمل، وبحث نصي كامل بالعربية والإنجليزية.\n\nSign in with `POST /api/v1/auth/login` and send the token as `Authorization: Bearer <token>`. Bodies are JSON with snake_case keys; times are RFC 3339 in UTC. Lists answer `{\"data\": [...], \"next_cursor\": ...}`. Errors are RFC 9457 problem documents (`application/problem+json`). Integer query parameters accept Arabic-Indic digits.",
        "license": {
          "name": "Apache 2.0",
          "identifier": "Apache-2.0"
        }
      },
      "servers": [
        {
          "url": "/"
        }
      ],
      "security": [
        {
          "bearer": []
        }
      ],
      "tags": [
        {
          "name": "Auth",
          "description": "Signing in. / تسجيل الدخول."
        },
        {
          "name": "Users",
          "description": "Staff members. / الموظفون."
        },
        {
          "name": "Groups",
          "description": "Teams tickets are routed to. / فرق العمل."
        },
        {
          "name": "Channels",
          "description": "Webhook sources, phone calls. / القنوات."
        },
        {
          "name": "Email",
          "description": "Mailboxes and inbound mail. / البريد الإلكتروني."
        },
        {
          "name": "Customers",
          "description": "Customers and their history. / العملاء وسجلهم."
        },
        {
          "name": "Tickets",
          "description": "Tickets, their messages and events. Agents see only tickets of their groups, assigned to them or without a group. / التذاكر ورسائلها وأحداثها."
        },
        {
          "name": "Search",
          "description": "Full-text search. / البحث."
        },
        {
          "name": "System",
          "description": "Health and this document. / حالة الخادم وهذا المستند."
        },
        {
          "name": "Chat",
          "description": "Live chat: the widget and its websocket for visitors, the agents' websocket, waiting chats, chat settings and business calendars."
        },
        {
          "name": "Macros",
          "description": "Canned replies that post a text and set status and tags."
        },
        {
          "name": "Settings",
          "description": "Branding and the languages the pages offer."
        },
        {
          "name": "Knowledge base",
          "description": "Bilingual articles and their search."
        },
        {
          "name": "Sentiment",
          "description": "The sentiment model applied to customer messages."
        },
        {
          "name": "Reports",
          "description": "Service reports and exports: volume, response and resolution times, reopens, satisfaction, agents, capacity, self-service; SMART goals. / تقارير الخدمة وتصديرها، والأهداف."
        },
        {
          "name": "Surveys",
          "description": "Satisfaction surveys (CSAT, NPS, CES), their answers and campaigns, the satisfaction report, and close-the-loop tasks for low answers. / استبيانات رضا العملاء وإجاباتها وحملاتها، وتقرير الرضا، ومهام التواصل مع العملاء غير الراضين."
        }
      ],
      "paths": {
        "/healthz": {
          "get": {
            "operationId": "getHealth",
            "summary": "Health check",
            "description": "Answers when the server is up and its database responds.",
            "tags": [
              "System"
            ],
            "security": [],
            "responses": {
              "200": {
                "description": "The server and its database are up.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Health"
                    }
                  }
                }
              },
              "500": {
                "$ref": "#/components/responses/InternalServerError",
                "description": "The database does not respond."
              }
            }
          }
        },
        "/openapi.json": {
          "get": {
            "operationId": "getOpenAPIDocument",
            "summary": "This OpenAPI document",
            "description": "The OpenAPI 3.1 description of the whole HTTP API.",
            "tags": [
              "System"
            ],
            "security": [],
            "responses": {
              "200": {
                "description": "The document.",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object"
                    }
                  }
                }
              }
            }
          }
        },
        "/api/v1/auth/login": {
          "post": {
            "operationId": "login",
            "summary": "Sign in",
            "description": "Exchanges a staff member's email and password for a bearer token valid for 30 days. After 5 failed attempts in a row the account is locked for 5 minutes.",
            "tags": [
              "Auth"
            ],
            "security": [],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/LoginRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "Signed in.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/LoginResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "description": "Wrong email or password.",
                "content": {
                  "application/problem+json": {
                    "schema": {
                      "$ref": "#/components/schemas/Problem"
                    }
                  }
                }
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              },
              "429": {
                "$ref": "#/components/responses/TooManyRequests"
              }
            }
          }
        },
        "/api/v1/me": {
          "get": {
            "operationId": "getMe",
            "summary": "The signed-in user",
            "description": "The staff member the bearer token belongs to.",
            "tags": [
              "Users"
            ],
            "responses": {
              "200": {
                "description": "The signed-in user.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/User"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              }
            }
          }
        },
        "/api/v1/users": {
          "get": {
            "operationId": "listUsers",
            "summary": "List users",
            "description": "Every staff member, by id.",
            "tags": [
              "Users"
            ],
            "responses": {
              "200": {
                "description": "All users.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/UserPage"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              }
            }
          },
          "post": {
            "operationId": "createUser",
            "summary": "Create a user",
            "description": "Adds a staff member. Admins only.",
            "tags": [
              "Users"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/CreateUserRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The new user.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/User"
                    }
                  }
                },
                "headers": {
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin."
              },
              "409": {
                "$ref": "#/components/responses/Conflict",
                "description": "A user with this email already exists (`/problems/duplicate`, `existing_id`), or The Idempotency-Key was already used for another path."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/mailboxes": {
          "get": {
            "operationId": "listMailboxes",
            "summary": "List mailboxes",
            "description": "The addresses Raaya receives mail for, by address.",
            "tags": [
              "Email"
            ],
            "responses": {
              "200": {
                "description": "All mailboxes.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/MailboxPage"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              }
            }
          },
          "post": {
            "operationId": "createMailbox",
            "summary": "Create a mailbox",
            "description": "Adds an address Raaya receives mail for (by SMTP and the inbound endpoint); mail to it opens tickets in its group and language. Admins only.",
            "tags": [
              "Email"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/CreateMailboxRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The new mailbox.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Mailbox"
                    }
                  }
                },
                "headers": {
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin."
              },
              "409": {
                "$ref": "#/components/responses/Conflict",
                "description": "A mailbox with this address exists, or the Idempotency-Key was already used for another path."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/channels/email/inbound": {
          "post": {
            "operationId": "receiveEmail",
            "summary": "Receive a raw email",
            "description": "Takes one raw RFC 5322 message (as an MTA pipe or a provider's forwarding delivers it) for one of the mailboxes named in To or Cc. Answers 202 once the message is stored: it opens a ticket, is added to the ticket it replies to (In-Reply-To/References, else a [#1042] token from that ticket's customer), is recognised as a duplicate Message-ID (nothing new stored), or is kept without a ticket (auto-replies and bounces; mail without a sender). Admins and supervisors.",
            "tags": [
              "Email"
            ],
            "requestBody": {
              "required": true,
              "content": {
                "message/rfc822": {
                  "schema": {
                    "type": "string",
                    "format": "binary",
                    "maxLength": 26214400
                  }
                }
              }
            },
            "responses": {
              "202": {
                "description": "Stored; what became of it.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/InboundMailOutcome"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is an agent."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity",
                "description": "No recipient is one of this Raaya's mailboxes (`to`), or the body is empty or too large."
              }
            }
          },
          "get": {
            "operationId": "listInboundMail",
            "summary": "Inbound mail as received",
            "description": "Admins and supervisors. Newest first, with what became of each mail; `outcome=kept` lists mail that could not become a ticket (kept exactly as it arrived, for a person to look at).",
            "tags": [
              "Email"
            ],
            "parameters": [
              {
                "name": "outcome",
                "in": "query",
                "required": false,
                "schema": {
                  "type": "string",
                  "enum": [
                    "opened",
                    "added",
                    "duplicate",
                    "ignored",
                    "kept"
                  ]
                }
              },
              {
                "name": "limit",
                "in": "query",
                "required": false,
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 100
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The mail.",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": [
                        "data",
                        "next_cursor"
                      ],
                      "properties": {
                        "data": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/InboundMailRecord"
                          }
                        },
                        "next_cursor": {
                          "type": [
                            "string",
                            "null"
                          ]
                        }
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/attachments/{id}": {
          "get": {
            "operationId": "downloadAttachment",
            "summary": "Download an attachment",
            "description": "The file's bytes with its content type, as a download named in RFC 6266's UTF-8 form. 404 when the attachment's ticket is outside the caller's view.",
            "tags": [
              "Tickets"
            ],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "integer",
                  "format": "int64",
                  "minimum": 1
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The file.",
                "content": {
                  "application/octet-stream": {
                    "schema": {
                      "type": "string",
                      "format": "binary"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              }
            }
          }
        },
        "/api/v1/mail-templates": {
          "get": {
            "operationId": "listMailTemplates",
            "summary": "List mail templates",
            "description": "The texts of mail Raaya writes by itself (the acknowledgement of a new ticket), per language, with the built-in text where no admin has changed it.",
            "tags": [
              "Email"
            ],
            "responses": {
              "200": {
                "description": "Every template.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/MailTemplatePage"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              }
            }
          }
        },
        "/api/v1/mail-templates/{key}/{language}": {
          "put": {
            "operationId": "updateMailTemplate",
            "summary": "Change a mail template",
            "description": "Replaces the text of one template in one language. Placeholders: {{ticket}} (the ticket's [#N] token; required in the subject), {{subject}}, {{name}}. Admins only.",
            "tags": [
              "Email"
            ],
            "parameters": [
              {
                "name": "key",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "string",
                  "enum": [
                    "acknowledgement"
                  ]
                }
              },
              {
                "name": "language",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "string",
                  "enum": [
                    "ar",
                    "en"
                  ]
                }
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/MailTemplateRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The template as it now is.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/MailTemplate"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin."
              },
              "404": {
                "$ref": "#/components/responses/NotFound",
                "description": "No template with this key or language."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/channels/sources": {
          "get": {
            "operationId": "listChannelSources",
            "summary": "List webhook sources",
            "description": "Systems that send messages by signed webhook (social networks, complaint sites, telephony). Secrets are never shown. Admins and supervisors.",
            "tags": [
              "Channels"
            ],
            "responses": {
              "200": {
                "description": "Every source.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ChannelSourcePage"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is an agent."
              }
            }
          },
          "post": {
            "operationId": "createChannelSource",
            "summary": "Add a webhook source",
            "description": "Registers a source and the secret its requests are signed with (HMAC-SHA256 of the body, hex, in X-Hub-Signature-256 as sha256=…). Admins only.",
            "tags": [
              "Channels"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/CreateChannelSourceRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The new source.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ChannelSource"
                    }
                  }
                },
                "headers": {
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin."
              },
              "409": {
                "$ref": "#/components/responses/Conflict",
                "description": "A source of this kind and name exists."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/channels/phone/calls": {
          "post": {
            "operationId": "receivePhoneCall",
            "summary": "Receive a call record",
            "description": "A telephony system reports a call, signed like every webhook (no bearer token). The call is logged on ticket_id when given; otherwise it opens a phone ticket for the customer with that number (Arabic-Indic digits accepted; a new customer when none has it), in the source's group. Unsigned or wrongly signed requests get 401 and store nothing.",
            "tags": [
              "Channels"
            ],
            "security": [],
            "parameters": [
              {
                "name": "source",
                "in": "query",
                "required": false,
                "description": "The phone source's name (default phone).",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "X-Hub-Signature-256",
                "in": "header",
                "required": true,
                "description": "sha256= and the hex HMAC-SHA256 of the raw body with the source's secret.",
                "schema": {
                  "type": "string"
                }
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/PhoneCallRequest"
                  }
                }
              }
            },
            "responses": {
              "202": {
                "description": "Logged.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/LoggedCall"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound",
                "description": "ticket_id names no ticket."
              },
              "409": {
                "$ref": "#/components/responses/Conflict",
                "description": "The ticket is closed."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/tickets/{id}/calls": {
          "post": {
            "operationId": "logTicketCall",
            "summary": "Log a call on a ticket",
            "description": "An agent records a phone call with the ticket's customer: an internal note (channel phone) with the call's summary and a call_logged event with direction, number, duration and outcome. The number defaults to the customer's phone.",
            "tags": [
              "Tickets"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/TicketID"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/PhoneCallRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Logged.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/LoggedCall"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict",
                "description": "The ticket is closed."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/channels/social/{source}": {
          "post": {
            "operationId": "receiveSocialPosts",
            "summary": "Receive social posts",
            "description": "Public mentions, complaint-site posts and private messages from a registered social source, signed like every webhook (X-Hub-Signature-256; no bearer token). Accepts Raaya's generic format or Meta's webhook payloads (Messenger, Instagram, WhatsApp Cloud API). Each post joins its author's open social ticket from this source or opens one (channel social, tagged with the source's name); a post id seen before stores nothing new. Unsigned or wrongly signed requests get 401 and store nothing.",
            "tags": [
              "Channels"
            ],
            "security": [],
            "parameters": [
              {
                "name": "source",
                "in": "path",
                "required": true,
                "description": "The social source's name, as registered.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "X-Hub-Signature-256",
                "in": "header",
                "required": true,
                "schema": {
                  "type": "string"
                }
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "oneOf": [
                      {
                        "$ref": "#/components/schemas/SocialPost"
                      },
                      {
                        "type": "object",
                        "description": "Meta's webhook payload (object, entry[].messaging[] or entry[].changes[].value.messages[]).",
                        "required": [
                          "object",
                          "entry"
                        ]
                      }
                    ]
                  }
                }
              }
            },
            "responses": {
              "202": {
                "description": "What became of each post.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/SocialOutcomePage"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          },
          "get": {
            "operationId": "verifySocialSubscription",
            "summary": "Meta's subscription handshake",
            "description": "Answers hub.challenge as plain text when hub.mode is subscribe and hub.verify_token is the source's verify token; 403 otherwise.",
            "tags": [
              "Channels"
            ],
            "security": [],
            "parameters": [
              {
                "name": "source",
                "in": "path",
                "required": true,
                "description": "The social source's name, as registered.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "hub.mode",
                "in": "query",
                "required": true,
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "hub.verify_token",
                "in": "query",
                "required": true,
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "hub.challenge",
                "in": "query",
                "required": true,
                "schema": {
                  "type": "string"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The challenge.",
                "content": {
                  "text/plain": {
                    "schema": {
                      "type": "string"
                    }
                  }
                }
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              }
            }
          }
        },
        "/api/v1/outbox": {
          "get": {
            "operationId": "listOutbox",
            "summary": "List the outbox",
            "description": "Mail to customers, newest first: pending (with the last error while the relay refuses or is unreachable), sent, or failed. Admins and supervisors.",
            "tags": [
              "Email"
            ],
            "parameters": [
              {
                "name": "status",
                "in": "query",
                "required": false,
                "schema": {
                  "type": "string",
                  "enum": [
                    "pending",
                    "sent",
                    "failed"
                  ]
                }
              },
              {
                "$ref": "#/components/parameters/Limit"
              }
            ],
            "responses": {
              "200": {
                "description": "The outbox.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OutboxItemPage"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is an agent."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/outbox/{id}/retry": {
          "post": {
            "operationId": "retryOutboxItem",
            "summary": "Send a failed mail again",
            "description": "Puts a failed mail back in the queue, due now, with its attempts counted from zero. Admins and supervisors.",
            "tags": [
              "Email"
            ],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "integer",
                  "format": "int64",
                  "minimum": 1
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The mail, pending again.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/OutboxItem"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is an agent."
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict",
                "description": "The mail has not failed."
              }
            }
          }
        },
        "/api/v1/groups": {
          "get": {
            "operationId": "listGroups",
            "summary": "List groups",
            "description": "Every group, by tier and then name.",
            "tags": [
              "Groups"
            ],
            "responses": {
              "200": {
                "description": "All groups.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/GroupPage"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              }
            }
          },
          "post": {
            "operationId": "createGroup",
            "summary": "Create a group",
            "description": "Adds a group. Admins only.",
            "tags": [
              "Groups"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/CreateGroupRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The new group.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Group"
                    }
                  }
                },
                "headers": {
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin."
              },
              "409": {
                "$ref": "#/components/responses/Conflict",
                "description": "A group with this name already exists (`/problems/duplicate`, `existing_id`), or The Idempotency-Key was already used for another path."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/customers": {
          "get": {
            "operationId": "listCustomers",
            "summary": "List or search customers",
            "description": "Customers, newest first, a page at a time. With `q`, the best matches by name, email, phone or organization instead, in one page (`cursor` is then ignored).",
            "tags": [
              "Customers"
            ],
            "parameters": [
              {
                "name": "q",
                "in": "query",
                "required": false,
                "description": "Full-text search over name, email, phone and organization; Arabic and English.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "$ref": "#/components/parameters/Limit"
              },
              {
                "$ref": "#/components/parameters/Cursor"
              }
            ],
            "responses": {
              "200": {
                "description": "A page of customers.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/CustomerPage"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity",
                "description": "`limit` or `cursor` is not allowed."
              }
            }
          },
          "post": {
            "operationId": "createCustomer",
            "summary": "Create a customer",
            "description": "Adds a customer with their email and phone as identities.",
            "tags": [
              "Customers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/CreateCustomerRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The new customer.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Customer"
                    }
                  }
                },
                "headers": {
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "409": {
                "$ref": "#/components/responses/Conflict",
                "description": "A customer with this email or phone already exists (`/problems/duplicate`; `field` and `existing_id` name it), or The Idempotency-Key was already used for another path."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/customers/{id}": {
          "get": {
            "operationId": "getCustomer",
            "summary": "A customer and their history",
            "description": "The customer with their tickets on every channel and the team's notes.",
            "tags": [
              "Customers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/CustomerID"
              }
            ],
            "responses": {
              "200": {
                "description": "The customer.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/CustomerDetail"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound",
                "description": "No customer with this id."
              }
            }
          },
          "patch": {
            "operationId": "updateCustomer",
            "summary": "Change a customer",
            "description": "Name, organization, language, and a new email or phone. Any staff member.",
            "tags": [
              "Customers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/CustomerID"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/UpdateCustomerRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The customer.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Customer"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/customers/{id}/notes": {
          "post": {
            "operationId": "createCustomerNote",
            "summary": "Add a note on a customer",
            "description": "Adds an internal note on the customer, written by the caller.",
            "tags": [
              "Customers"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/CustomerID"
              },
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/CreateNoteRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The new note.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/CustomerNote"
                    }
                  }
                },
                "headers": {
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound",
                "description": "No customer with this id."
              },
              "409": {
                "$ref": "#/components/responses/Conflict",
                "description": "The Idempotency-Key was already used for another path."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/tickets": {
          "get": {
            "operationId": "listTickets",
            "summary": "List tickets",
            "description": "Tickets the caller may see, most recent activity first, a page at a time. Filters combine.",
            "tags": [
              "Tickets"
            ],
            "parameters": [
              {
                "name": "status",
                "in": "query",
                "required": false,
                "description": "Only tickets in this status.",
                "schema": {
                  "$ref": "#/components/schemas/TicketStatus"
                }
              },
              {
                "name": "priority",
                "in": "query",
                "required": false,
                "description": "Only tickets of this priority.",
                "schema": {
                  "$ref": "#/components/schemas/TicketPriority"
                }
              },
              {
                "name": "group_id",
                "in": "query",
                "required": false,
                "description": "Only tickets of this group.",
                "schema": {
                  "type": "integer",
                  "format": "int64",
                  "minimum": 1
                }
              },
              {
                "name": "assignee_id",
                "in": "query",
                "required": false,
                "description": "Only tickets assigned to this user.",
                "schema": {
                  "type": "integer",
                  "format": "int64",
                  "minimum": 1
                }
              },
              {
                "name": "channel",
                "in": "query",
                "required": false,
                "description": "Only tickets from this channel.",
                "schema": {
                  "$ref": "#/components/schemas/Channel"
                }
              },
              {
                "name": "customer_id",
                "in": "query",
                "required": false,
                "description": "Only tickets of this customer.",
                "schema": {
                  "type": "integer",
                  "format": "int64",
                  "minimum": 1
                }
              },
              {
                "name": "tag",
                "in": "query",
                "required": false,
                "description": "Only tickets with this tag (compared lower-cased).",
                "schema": {
                  "type": "string"
                }
              },
              {
                "$ref": "#/components/parameters/Limit"
              },
              {
                "$ref": "#/components/parameters/Cursor"
              },
              {
                "name": "sort",
                "in": "query",
                "description": "`activity` (latest activity first, the default) or `age` (oldest first, by ticket number).",
                "schema": {
                  "type": "string",
                  "enum": [
                    "activity",
                    "age"
                  ]
                }
              },
              {
                "name": "sentiment",
                "in": "query",
                "description": "Only tickets whose customer's latest message has this sentiment.",
                "schema": {
                  "type": "string",
                  "enum": [
                    "negative",
                    "neutral",
                    "positive"
                  ]
                }
              }
            ],
            "responses": {
              "200": {
                "description": "A page of tickets.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/TicketPage"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity",
                "description": "A filter, `limit` or `cursor` is not allowed."
              }
            }
          },
          "post": {
            "operationId": "createTicket",
            "summary": "Create a ticket",
            "description": "Opens a ticket with the customer's first message. The customer is found by id, email or phone, or created.",
            "tags": [
              "Tickets"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/CreateTicketRequest"
                  },
                  "examples": {
                    "arabic": {
                      "summary": "استفسار عن الفاتورة",
                      "value": {
                        "subject": "استفسار عن الفاتورة",
                        "body": "السلام عليكم، وصلتني فاتورة شهر فبراير بمبلغ أعلى من المعتاد. أرجو التوضيح.",
                        "channel": "email",
                        "priority": "normal",
                        "customer": {
                          "email": "sara@example.sa",
                          "name": "سارة العتيبي"
                        },
                        "group_id": 3,
                        "tags": [
                          "فاتورة"
                        ]
                      }
                    },
                    "english": {
                      "summary": "A chat in English",
                      "value": {
                        "subject": "Cannot log in to the portal",
                        "body": "Hi, the portal says my password is wrong.",
                        "channel": "chat",
                        "customer": {
                          "phone": "+971 50 555 0101",
                          "name": "John Smith"
                        }
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The new ticket, status `new`.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Ticket"
                    },
                    "examples": {
                      "arabic": {
                        "summary": "تذكرة بالعربية",
                        "value": {
                          "id": 1207,
                          "subject": "استفسار عن الفاتورة",
                          "status": "new",
                          "priority": "normal",
                          "channel": "email",
                          "customer": {
                            "id": 42,
                            "name": "سارة العتيبي",
                            "email": "sara@example.sa",
                            "phone": "+966501234567",
                            "emails": [
                              "sara@example.sa"
                            ],
                            "phones": [
                              "+966501234567"
                            ],
                            "organization": "شركة النخبة للتجارة",
                            "language": "ar",
                            "created_at": "2025-03-02T08:15:30.120Z"
                          },
                          "assignee": null,
                          "group": {
                            "id": 3,
                            "name": "الفوترة",
                            "tier": 1
                          },
                          "tags": [
                            "فاتورة",
                            "billing"
                          ],
                          "created_at": "2025-03-02T08:15:30.120Z",
                          "updated_at": "2025-03-02T08:15:30.120Z",
                          "first_response_at": null,
                          "solved_at": null,
                          "reopen_count": 0,
                          "follow_up_of": null,
                          "merged_into": null
                        }
                      }
                    }
                  }
                },
                "headers": {
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "409": {
                "$ref": "#/components/responses/Conflict",
                "description": "The Idempotency-Key was already used for another path."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity",
                "description": "A field is missing or not allowed, e.g. `customer.id`, `group_id` or `assignee_id` names nothing."
              }
            }
          }
        },
        "/api/v1/tickets/{id}": {
          "get": {
            "operationId": "getTicket",
            "summary": "A ticket",
            "description": "One ticket the caller may see.",
            "tags": [
              "Tickets"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/TicketID"
              }
            ],
            "responses": {
              "200": {
                "description": "The ticket.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Ticket"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound",
                "description": "No ticket with this id that the caller may see."
              }
            }
          },
          "patch": {
            "operationId": "updateTicket",
            "summary": "Update a ticket",
            "description": "Changes status, priority, assignee, group or tags. Each change is recorded as an event.",
            "tags": [
              "Tickets"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/TicketID"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/UpdateTicketRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The updated ticket.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Ticket"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound",
                "description": "No ticket with this id that the caller may see."
              },
              "409": {
                "$ref": "#/components/responses/Conflict",
                "description": "The ticket is closed, or the status move is not allowed (`/problems/illegal-status-change`, with `allowed_statuses`)."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity",
                "description": "A field is not allowed, e.g. `assignee_id` or `group_id` names nothing."
              }
            }
          }
        },
        "/api/v1/tickets/{id}/messages": {
          "get": {
            "operationId": "listTicketMessages",
            "summary": "A ticket's messages",
            "description": "Every message on the ticket, internal notes included, oldest first.",
            "tags": [
              "Tickets"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/TicketID"
              }
            ],
            "responses": {
              "200": {
                "description": "The messages.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/MessagePage"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound",
                "description": "No ticket with this id that the caller may see."
              }
            }
          },
          "post": {
            "operationId": "createTicketMessage",
            "summary": "Add a message to a ticket",
            "description": "Adds a reply, an internal note, or a customer's message, with its effect on the ticket's status.",
            "tags": [
              "Tickets"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/TicketID"
              },
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/CreateMessageRequest"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The new message.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Message"
                    }
                  }
                },
                "headers": {
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound",
                "description": "No ticket with this id that the caller may see."
              },
              "409": {
                "$ref": "#/components/responses/Conflict",
                "description": "The Idempotency-Key was already used for another path."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/tickets/{id}/events": {
          "get": {
            "operationId": "listTicketEvents",
            "summary": "A ticket's events",
            "description": "The ticket's audit trail, oldest first.",
            "tags": [
              "Tickets"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/TicketID"
              }
            ],
            "responses": {
              "200": {
                "description": "The events.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/EventPage"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound",
                "description": "No ticket with this id that the caller may see."
              }
            }
          }
        },
        "/api/v1/tickets/{id}/merge": {
          "post": {
            "operationId": "mergeTicket",
            "summary": "Merge a ticket into another",
            "description": "Moves every message of this ticket to the ticket `into` and closes this one with `merged_into` set.",
            "tags": [
              "Tickets"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/TicketID"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/MergeRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "This ticket, now closed and merged.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Ticket"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound",
                "description": "No ticket with this id that the caller may see."
              },
              "409": {
                "$ref": "#/components/responses/Conflict",
                "description": "This ticket or the target is closed."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity",
                "description": "`into` is this ticket or names no ticket the caller can see."
              }
            }
          }
        },
        "/api/v1/tickets/{id}/draft-reply": {
          "post": {
            "operationId": "draftReply",
            "summary": "Draft a reply from the suggested articles",
            "description": "Asks the language model the operator connected (`RAAYA_LLM_URL`, an OpenAI-compatible chat-completions API) for a reply to the customer written only from the knowledge-base articles suggested for this ticket, in the customer's language, from the public conversation (internal notes are not sent). The draft is only returned: nothing is stored or sent; the agent edits it and sends it as a message. No body.",
            "tags": [
              "Tickets"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/TicketID"
              }
            ],
            "responses": {
              "200": {
                "description": "The draft, and the articles it was written from.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/DraftReply"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound",
                "description": "No ticket with this id that the caller may see, or draft replies are off (no language model is configured; the detail says which)."
              },
              "409": {
                "$ref": "#/components/responses/Conflict",
                "description": "No knowledge-base article matches this ticket, so there is nothing to draft from."
              },
              "502": {
                "$ref": "#/components/responses/BadGateway"
              }
            }
          }
        },
        "/api/v1/search": {
          "get": {
            "operationId": "search",
            "summary": "Search tickets and customers",
            "description": "Full-text search in Arabic and English over tickets (subject and messages) the caller may see and customers.",
            "tags": [
              "Search"
            ],
            "parameters": [
              {
                "name": "q",
                "in": "query",
                "required": true,
                "description": "The words to find.",
                "schema": {
                  "type": "string",
                  "minLength": 1,
                  "examples": [
                    "فاتورة"
                  ]
                }
              },
              {
                "name": "limit",
                "in": "query",
                "required": false,
                "description": "Results of each kind, 1 to 100.",
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 100,
                  "default": 20
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The best matches.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/SearchResponse"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity",
                "description": "`q` is missing or `limit` is not allowed."
              }
            }
          }
        },
        "/chat/widget.js": {
          "get": {
            "operationId": "chatWidgetScript",
            "summary": "The chat widget",
            "description": "The widget's JavaScript, to embed on any site with one tag: `<script src=\"https://support.example.com/chat/widget.js\" data-language=\"ar\" async></script>`. Arabic is right-to-left; it fills the screen on a phone.",
            "tags": [
              "Chat"
            ],
            "security": [],
            "responses": {
              "200": {
                "description": "The script.",
                "content": {
                  "application/javascript": {
                    "schema": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          }
        },
        "/chat/demo": {
          "get": {
            "operationId": "chatSamplePage",
            "summary": "A sample page with the widget",
            "description": "A small page of an imaginary shop that embeds the widget, to try the chat.",
            "tags": [
              "Chat"
            ],
            "security": [],
            "parameters": [
              {
                "name": "lang",
                "in": "query",
                "required": false,
                "description": "ar or en (default en).",
                "schema": {
                  "type": "string",
                  "enum": [
                    "ar",
                    "en"
                  ]
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The page.",
                "content": {
                  "text/html": {
                    "schema": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          }
        },
        "/chat/ws": {
          "get": {
            "operationId": "chatVisitorSocket",
            "summary": "The visitor's chat websocket",
            "description": "A websocket of JSON text frames, open to anyone. The client sends `hello` {token, language} first and gets `welcome` {token, available, reason, next_open, ticket_id, messages}; it keeps the token (signed by Raaya) so a reload continues the conversation. `message` {client_id, text, name?, email?} is answered by `ack` {client_id, id, ticket_id, at} once stored, or `error` {client_id, field, detail}; when nobody can answer (reason closed or no_agents) an email is required and the answers come by email. `typing` {active} both ways; `availability` when chat opens or closes; agents' public replies arrive as `message` {id, from, name, text, at}. `ping` is answered by `pong`. See the README's Live chat section.",
            "tags": [
              "Chat"
            ],
            "security": [],
            "responses": {
              "101": {
                "description": "Switched to the websocket protocol."
              }
            }
          }
        },
        "/api/v1/chat/agents/ws": {
          "get": {
            "operationId": "chatAgentSocket",
            "summary": "An agent's chat websocket",
            "description": "While open the agent counts as online for chat. Sends `hello` {wait_alert_seconds, waiting}, then, for chats the agent may see, `chat_opened`, `message` {ticket_id, id, from, name, text, internal, at}, `status` and the visitor's `typing`. The agent may send `typing` {ticket_id, active} and `ping`. Replies go through POST /api/v1/tickets/{id}/messages.",
            "tags": [
              "Chat"
            ],
            "parameters": [
              {
                "name": "access_token",
                "in": "query",
                "required": false,
                "description": "The bearer token, for browsers (which cannot set headers on a websocket).",
                "schema": {
                  "type": "string"
                }
              }
            ],
            "responses": {
              "101": {
                "description": "Switched to the websocket protocol."
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              }
            }
          }
        },
        "/api/v1/chats": {
          "get": {
            "operationId": "listWaitingChats",
            "summary": "Chats waiting for an agent",
            "description": "Live chats whose customer's last message has no public answer yet, longest waiting first; `overdue` once waiting longer than the chat settings' wait_alert_seconds. Chats left for an answer by email are not listed.",
            "tags": [
              "Chat"
            ],
            "responses": {
              "200": {
                "description": "The waiting chats the caller may see.",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": [
                        "data",
                        "next_cursor"
                      ],
                      "properties": {
                        "data": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/WaitingChat"
                          }
                        },
                        "next_cursor": {
                          "type": [
                            "string",
                            "null"
                          ]
                        }
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              }
            }
          }
        },
        "/api/v1/channels/chat": {
          "get": {
            "operationId": "getChatSettings",
            "summary": "Chat settings and availability",
            "description": "Admins and supervisors.",
            "tags": [
              "Chat"
            ],
            "responses": {
              "200": {
                "description": "The settings, and whether chat is available now.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ChatSettings"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              }
            }
          },
          "put": {
            "operationId": "updateChatSettings",
            "summary": "Change chat settings",
            "description": "Admins. Keys left out keep their value; calendar_id null means always open.",
            "tags": [
              "Chat"
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ChatSettingsInput"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The settings now.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ChatSettings"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/calendars": {
          "get": {
            "operationId": "listCalendars",
            "summary": "Business calendars",
            "description": "Admins and supervisors.",
            "tags": [
              "Chat"
            ],
            "responses": {
              "200": {
                "description": "Every calendar, by name.",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": [
                        "data",
                        "next_cursor"
                      ],
                      "properties": {
                        "data": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/BusinessCalendar"
                          }
                        },
                        "next_cursor": {
                          "type": [
                            "string",
                            "null"
                          ]
                        }
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              }
            }
          },
          "post": {
            "operationId": "createCalendar",
            "summary": "Add a business calendar",
            "description": "Admins. Hours per weekday (sun … sat) as intervals of local time in the time zone; days left out are closed; holidays are closed all day. Times and dates accept Arabic-Indic digits.",
            "tags": [
              "Chat"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/BusinessCalendarInput"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The calendar.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/BusinessCalendar"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/calendars/{id}": {
          "put": {
            "operationId": "replaceCalendar",
            "summary": "Replace a business calendar",
            "description": "Admins.",
            "tags": [
              "Chat"
            ],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "integer"
                }
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/BusinessCalendarInput"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The calendar.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/BusinessCalendar"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/channels/email/inbound/{id}/raw": {
          "get": {
            "operationId": "rawInboundMail",
            "summary": "An inbound mail exactly as it arrived",
            "description": "Admins and supervisors.",
            "tags": [
              "Email"
            ],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "integer"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The RFC 5322 message.",
                "content": {
                  "message/rfc822": {
                    "schema": {
                      "type": "string"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              }
            }
          }
        },
        "/api/v1/users/{id}": {
          "patch": {
            "operationId": "updateUser",
            "summary": "Change a staff member",
            "description": "Name, role and groups. Admins only. The last admin cannot stop being admin (409).",
            "tags": [
              "Users"
            ],
            "responses": {
              "200": {
                "description": "The user.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/User"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            },
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "integer"
                }
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/UpdateUserRequest"
                  }
                }
              }
            }
          }
        },
        "/api/v1/groups/{id}": {
          "patch": {
            "operationId": "updateGroup",
            "summary": "Change a group",
            "description": "Name and tier. Admins only.",
            "tags": [
              "Groups"
            ],
            "responses": {
              "200": {
                "description": "The group.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Group"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            },
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "integer"
                }
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/UpdateGroupRequest"
                  }
                }
              }
            }
          }
        },
        "/api/v1/macros": {
          "get": {
            "operationId": "listMacros",
            "summary": "List macros",
            "description": "Every macro, by title; all staff.",
            "tags": [
              "Macros"
            ],
            "responses": {
              "200": {
                "description": "All macros.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/MacroPage"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              }
            }
          },
          "post": {
            "operationId": "createMacro",
            "summary": "Create a macro",
            "description": "Admins and supervisors.",
            "tags": [
              "Macros"
            ],
            "responses": {
              "201": {
                "description": "The new macro.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Macro"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            },
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/MacroInput"
                  }
                }
              }
            }
          }
        },
        "/api/v1/macros/{id}": {
          "patch": {
            "operationId": "updateMacro",
            "summary": "Change a macro",
            "description": "Admins and supervisors.",
            "tags": [
              "Macros"
            ],
            "responses": {
              "200": {
                "description": "The macro.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Macro"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            },
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "integer"
                }
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/MacroInput"
                  }
                }
              }
            }
          },
          "delete": {
            "operationId": "deleteMacro",
            "summary": "Delete a macro",
            "description": "Admins and supervisors.",
            "tags": [
              "Macros"
            ],
            "responses": {
              "204": {
                "description": "Deleted."
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              }
            },
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "integer"
                }
              }
            ]
          }
        },
        "/api/v1/tickets/{id}/macros/{macro_id}": {
          "post": {
            "operationId": "applyMacro",
            "summary": "Apply a macro to a ticket",
            "description": "Posts the macro's text (placeholders filled) as the caller's reply or note, sets its status and adds its tags, in one transaction. Anyone who may see the ticket.",
            "tags": [
              "Macros"
            ],
            "responses": {
              "200": {
                "description": "The ticket.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Ticket"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            },
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "integer"
                }
              },
              {
                "name": "macro_id",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "integer"
                }
              }
            ]
          }
        },
        "/api/v1/settings/branding": {
          "get": {
            "operationId": "getBranding",
            "summary": "Branding",
            "description": "The business's names, accent colour and logo; all staff.",
            "tags": [
              "Settings"
            ],
            "responses": {
              "200": {
                "description": "The branding.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Branding"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              }
            }
          },
          "put": {
            "operationId": "updateBranding",
            "summary": "Change the branding",
            "description": "Admins only.",
            "tags": [
              "Settings"
            ],
            "responses": {
              "200": {
                "description": "The branding.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Branding"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            },
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/BrandingInput"
                  }
                }
              }
            }
          }
        },
        "/api/v1/settings/branding/logo": {
          "put": {
            "operationId": "uploadLogo",
            "summary": "Upload the logo",
            "description": "The image is the body: image/png, image/jpeg, image/webp or image/gif, at most 512 KiB. Admins only.",
            "tags": [
              "Settings"
            ],
            "responses": {
              "200": {
                "description": "The branding.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Branding"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            },
            "requestBody": {
              "required": true,
              "content": {
                "image/png": {
                  "schema": {
                    "type": "string",
                    "format": "binary"
                  }
                },
                "image/jpeg": {
                  "schema": {
                    "type": "string",
                    "format": "binary"
                  }
                },
                "image/webp": {
                  "schema": {
                    "type": "string",
                    "format": "binary"
                  }
                },
                "image/gif": {
                  "schema": {
                    "type": "string",
                    "format": "binary"
                  }
                }
              }
            }
          },
          "delete": {
            "operationId": "deleteLogo",
            "summary": "Remove the logo",
            "description": "Admins only.",
            "tags": [
              "Settings"
            ],
            "responses": {
              "200": {
                "description": "The branding.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Branding"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              }
            }
          }
        },
        "/api/v1/settings/languages": {
          "get": {
            "operationId": "getLanguages",
            "summary": "Languages offered",
            "description": "The pages' languages and the default; all staff.",
            "tags": [
              "Settings"
            ],
            "responses": {
              "200": {
                "description": "The languages.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Languages"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              }
            }
          },
          "put": {
            "operationId": "updateLanguages",
            "summary": "Change the languages offered",
            "description": "Admins only.",
            "tags": [
              "Settings"
            ],
            "responses": {
              "200": {
                "description": "The languages.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Languages"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            },
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/Languages"
                  }
                }
              }
            }
          }
        },
        "/branding/logo": {
          "get": {
            "operationId": "logo",
            "summary": "The logo",
            "description": "Public: the pages show it.",
            "tags": [
              "Settings"
            ],
            "security": [],
            "responses": {
              "200": {
                "description": "The image.",
                "content": {
                  "image/*": {
                    "schema": {
                      "type": "string",
                      "format": "binary"
                    }
                  }
                }
              },
              "404": {
                "description": "No logo."
              }
            }
          }
        },
        "/api/v1/kb/categories": {
          "get": {
            "operationId": "listKnowledgeCategories",
            "summary": "List knowledge-base categories",
            "description": "All staff.",
            "tags": [
              "Knowledge base"
            ],
            "responses": {
              "200": {
                "description": "The categories.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/KnowledgeCategoryPage"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              }
            }
          },
          "post": {
            "operationId": "createKnowledgeCategory",
            "summary": "Create a category",
            "description": "Admins and supervisors.",
            "tags": [
              "Knowledge base"
            ],
            "responses": {
              "201": {
                "description": "The category.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/KnowledgeCategory"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            },
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/KnowledgeCategoryInput"
                  }
                }
              }
            }
          }
        },
        "/api/v1/kb/articles": {
          "get": {
            "operationId": "listArticles",
            "summary": "List articles",
            "description": "Every state for staff; `state` narrows.",
            "tags": [
              "Knowledge base"
            ],
            "responses": {
              "200": {
                "description": "The articles.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ArticlePage"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            },
            "parameters": [
              {
                "name": "state",
                "in": "query",
                "schema": {
                  "type": "string",
                  "enum": [
                    "draft",
                    "published",
                    "internal"
                  ]
                }
              }
            ]
          },
          "post": {
            "operationId": "createArticle",
            "summary": "Write an article",
            "description": "Any staff member. A new article is a draft unless `state` says otherwise.",
            "tags": [
              "Knowledge base"
            ],
            "responses": {
              "201": {
                "description": "The article.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Article"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            },
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ArticleInput"
                  }
                }
              }
            }
          }
        },
        "/api/v1/kb/articles/{id}": {
          "get": {
            "operationId": "getArticle",
            "summary": "An article",
            "description": "All staff.",
            "tags": [
              "Knowledge base"
            ],
            "responses": {
              "200": {
                "description": "The article.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Article"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              }
            },
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "integer"
                }
              }
            ]
          },
          "patch": {
            "operationId": "updateArticle",
            "summary": "Change an article",
            "description": "Any staff member.",
            "tags": [
              "Knowledge base"
            ],
            "responses": {
              "200": {
                "description": "The article.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Article"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            },
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "integer"
                }
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ArticleInput"
                  }
                }
              }
            }
          }
        },
        "/api/v1/kb/search": {
          "get": {
            "operationId": "searchKnowledgeBase",
            "summary": "Search the knowledge base",
            "description": "Published and internal articles, best first, with Arabic-aware matching (spelling variants, light stemming, dialect filler words, one typo), across translations.",
            "tags": [
              "Knowledge base"
            ],
            "responses": {
              "200": {
                "description": "Ranked articles.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/KnowledgeSearchResult"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            },
            "parameters": [
              {
                "name": "q",
                "in": "query",
                "required": true,
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "lang",
                "in": "query",
                "schema": {
                  "type": "string",
                  "enum": [
                    "ar",
                    "en"
                  ]
                }
              },
              {
                "name": "limit",
                "in": "query",
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 100
                }
              }
            ]
          }
        },
        "/api/v1/kb/synonyms": {
          "get": {
            "operationId": "getKnowledgeSynonyms",
            "summary": "Search synonyms",
            "description": "All staff.",
            "tags": [
              "Knowledge base"
            ],
            "responses": {
              "200": {
                "description": "The groups.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/KnowledgeSynonyms"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              }
            }
          },
          "put": {
            "operationId": "replaceKnowledgeSynonyms",
            "summary": "Replace the search synonyms",
            "description": "Admins and supervisors. E.g. [[\"فاتورة\", \"invoice\", \"bill\"]].",
            "tags": [
              "Knowledge base"
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/KnowledgeSynonyms"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The groups.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/KnowledgeSynonyms"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/sentiment": {
          "post": {
            "operationId": "analyzeSentiment",
            "summary": "Sentiment of a text",
            "description": "The label (negative, neutral or positive) and score (−1 to 1, P(positive) − P(negative)) that Raaya's model gives a customer message, in Arabic (MSA, Gulf, Egyptian, Levantine, Arabizi) or English. Nothing is stored.",
            "tags": [
              "Sentiment"
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "type": "object",
                    "required": [
                      "text"
                    ],
                    "properties": {
                      "text": {
                        "type": "string",
                        "example": "الخدمة زفت، طلبي متأخر"
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The text's sentiment.",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": [
                        "label",
                        "score",
                        "language"
                      ],
                      "properties": {
                        "label": {
                          "type": "string",
                          "enum": [
                            "negative",
                            "neutral",
                            "positive"
                          ]
                        },
                        "score": {
                          "type": "number",
                          "minimum": -1,
                          "maximum": 1
                        },
                        "language": {
                          "type": "string",
                          "enum": [
                            "ar",
                            "en"
                          ]
                        }
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/settings/escalation": {
          "get": {
            "operationId": "getEscalationSettings",
            "summary": "Automatic escalation rules",
            "tags": [
              "Admin"
            ],
            "responses": {
              "200": {
                "description": "The rules in force.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/EscalationSettings"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              }
            }
          },
          "put": {
            "operationId": "updateEscalationSettings",
            "summary": "Switch automatic escalation rules",
            "description": "Admins only.",
            "tags": [
              "Admin"
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/EscalationSettings"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The rules now in force.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/EscalationSettings"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              }
            }
          }
        },
        "/api/v1/surveys": {
          "get": {
            "operationId": "listSurveys",
            "summary": "List surveys",
            "description": "Every survey, by id, in one page (`next_cursor` is null). Admins and supervisors.",
            "tags": [
              "Surveys"
            ],
            "responses": {
              "200": {
                "description": "All surveys.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/SurveyPage"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin or supervisor."
              }
            }
          },
          "post": {
            "operationId": "createSurvey",
            "summary": "Create a survey",
            "description": "Adds a CSAT, NPS or CES survey. Fields left out take their defaults: the kind's standard question in Arabic and English, `name` the kind in capitals, enabled, `direction` `low_is_easy`, `on_solve` true for CSAT and CES (false for NPS, which goes out by campaign), `delay_minutes` 60, `throttle_days` 7, no self-service-solved or merged tickets. Admins only.",
            "tags": [
              "Surveys"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/SurveyInput"
                  },
                  "examples": {
                    "csat": {
                      "summary": "استبيان رضا بعد حل التذكرة",
                      "value": {
                        "kind": "csat",
                        "name": "رضا العملاء بعد الحل",
                        "delay_minutes": 60,
                        "throttle_days": 7
                      }
                    },
                    "ces": {
                      "summary": "CES worded with 7 = very easy",
                      "value": {
                        "kind": "ces",
                        "name": "سهولة الحل",
                        "direction": "high_is_easy",
                        "questions": {
                          "ar": "ما مدى سهولة حل مشكلتك؟ (7 = سهل جداً)",
                          "en": "How easy was it to get your issue resolved? (7 = very easy)"
                        },
                        "delay_minutes": 120,
                        "throttle_days": 14
                      }
                    },
                    "nps": {
                      "summary": "مؤشر صافي الترويج (يُرسل بالحملات)",
                      "value": {
                        "kind": "nps",
                        "name": "مؤشر صافي الترويج",
                        "throttle_days": 90
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The new survey.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Survey"
                    },
                    "examples": {
                      "arabic": {
                        "summary": "استبيان رضا",
                        "value": {
                          "id": 1,
                          "kind": "csat",
                          "name": "رضا العملاء بعد الحل",
                          "enabled": true,
                          "questions": {
                            "ar": "ما مدى رضاك عن المساعدة التي تلقيتها؟",
                            "en": "How satisfied are you with the help you received?"
                          },
                          "direction": "low_is_easy",
                          "on_solve": true,
                          "delay_minutes": 60,
                          "throttle_days": 7,
                          "include_self_service": false,
                          "include_merged": false
                        }
                      }
                    }
                  }
                },
                "headers": {
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin."
              },
              "409": {
                "$ref": "#/components/responses/Conflict",
                "description": "The Idempotency-Key was already used for another path."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity",
                "description": "`kind` is missing, or a field is not allowed: `name`, `questions.ar`/`questions.en` (a key other than ar or en is refused), `delay_minutes`, `throttle_days`, `on_solve` (true for NPS), `direction` (high_is_easy for CSAT or NPS)."
              }
            }
          }
        },
        "/api/v1/surveys/{id}": {
          "get": {
            "operationId": "getSurvey",
            "summary": "A survey",
            "description": "Admins and supervisors.",
            "tags": [
              "Surveys"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/SurveyID"
              }
            ],
            "responses": {
              "200": {
                "description": "The survey.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Survey"
                    },
                    "examples": {
                      "ces": {
                        "summary": "CES, 7 = سهل جداً",
                        "value": {
                          "id": 3,
                          "kind": "ces",
                          "name": "سهولة الحل",
                          "enabled": true,
                          "questions": {
                            "ar": "ما مدى سهولة حل مشكلتك؟ (7 = سهل جداً)",
                            "en": "How easy was it to get your issue resolved? (7 = very easy)"
                          },
                          "direction": "high_is_easy",
                          "on_solve": true,
                          "delay_minutes": 120,
                          "throttle_days": 14,
                          "include_self_service": false,
                          "include_merged": false
                        }
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin or supervisor."
              },
              "404": {
                "$ref": "#/components/responses/NotFound",
                "description": "No survey with this id."
              }
            }
          },
          "patch": {
            "operationId": "updateSurvey",
            "summary": "Change a survey",
            "description": "Fields left out keep their value; `questions` may give one language only. The kind cannot change (make a new survey). Switching a survey off (`enabled: false`) also skips the invitations already scheduled. Admins only.",
            "tags": [
              "Surveys"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/SurveyID"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/SurveyInput"
                  },
                  "examples": {
                    "wording": {
                      "summary": "صياغة جديدة للسؤال بالعربية",
                      "value": {
                        "questions": {
                          "ar": "كيف تقيّم الخدمة التي حصلت عليها اليوم؟"
                        }
                      }
                    },
                    "off": {
                      "summary": "Switch the survey off",
                      "value": {
                        "enabled": false
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The survey.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Survey"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin."
              },
              "404": {
                "$ref": "#/components/responses/NotFound",
                "description": "No survey with this id."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity",
                "description": "A field is not allowed, e.g. `kind` (cannot change), `questions.ar`, `delay_minutes`, `throttle_days`, `on_solve`, `direction`."
              }
            }
          }
        },
        "/api/v1/surveys/{id}/responses": {
          "get": {
            "operationId": "listSurveyResponses",
            "summary": "A survey's answers",
            "description": "The survey's answers, newest first, a page at a time. Admins and supervisors.",
            "tags": [
              "Surveys"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/SurveyID"
              },
              {
                "$ref": "#/components/parameters/Limit"
              },
              {
                "$ref": "#/components/parameters/Cursor"
              }
            ],
            "responses": {
              "200": {
                "description": "A page of answers; `next_cursor` is null on the last page.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/SurveyResponsePage"
                    },
                    "examples": {
                      "arabic": {
                        "summary": "إجابة منخفضة مع تعليق",
                        "value": {
                          "data": [
                            {
                              "id": 981,
                              "invitation_id": 4410,
                              "kind": "csat",
                              "score": 2,
                              "comment": "التوصيل متأخر ثلاثة أيام ولم يرد أحد على اتصالي",
                              "comment_sentiment": "negative",
                              "comment_sentiment_score": -0.82,
                              "ticket_id": 1207,
                              "customer_id": 42,
                              "agent_id": 7,
                              "group_id": 3,
                              "channel": "email",
                              "answered_at": "2025-03-04T10:12:05.310Z",
                              "updated_at": "2025-03-04T10:13:40.002Z"
                            }
                          ],
                          "next_cursor": "981"
                        }
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin or supervisor."
              },
              "404": {
                "$ref": "#/components/responses/NotFound",
                "description": "No survey with this id."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity",
                "description": "`limit` or `cursor` is not allowed."
              }
            }
          }
        },
        "/api/v1/surveys/{id}/campaigns": {
          "get": {
            "operationId": "listSurveyCampaigns",
            "summary": "A survey's campaigns",
            "description": "The survey's campaigns, by id, in one page (`next_cursor` is null). Admins and supervisors.",
            "tags": [
              "Surveys"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/SurveyID"
              }
            ],
            "responses": {
              "200": {
                "description": "All its campaigns.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/SurveyCampaignPage"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin or supervisor."
              },
              "404": {
                "$ref": "#/components/responses/NotFound",
                "description": "No survey with this id."
              }
            }
          },
          "post": {
            "operationId": "createSurveyCampaign",
            "summary": "Start a campaign",
            "description": "Sends the survey (a relationship survey, usually NPS) to a segment: every customer with an email address and a ticket who matches all the criteria given (none given: every such customer). The first run happens in the same write, so `invited` already counts it; with `every_days` it runs again that many days after each run. The survey's `throttle_days` still applies when each invitation is due. Admins and supervisors.",
            "tags": [
              "Surveys"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/SurveyID"
              },
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/SurveyCampaignInput"
                  },
                  "examples": {
                    "quarterly": {
                      "summary": "عملاء الجملة في شركة واحدة كل 90 يوماً",
                      "value": {
                        "organization": "شركة النخبة للتجارة",
                        "tag": "جملة",
                        "contacted_after": "2025-01-01",
                        "every_days": 90
                      }
                    },
                    "once": {
                      "summary": "Once, to customers in touch in February",
                      "value": {
                        "contacted_after": "2025-02-01T00:00:00Z",
                        "contacted_before": "2025-03-01T00:00:00Z"
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The new campaign, after its first run.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/SurveyCampaign"
                    },
                    "examples": {
                      "arabic": {
                        "summary": "حملة ربع سنوية",
                        "value": {
                          "id": 5,
                          "survey_id": 2,
                          "organization_id": 12,
                          "tag": "جملة",
                          "contacted_after": "2025-01-01T00:00:00.000Z",
                          "every_days": 90,
                          "next_run_at": "2025-06-01T09:00:00.000Z",
                          "last_run_at": "2025-03-03T09:00:00.000Z",
                          "invited": 318
                        }
                      }
                    }
                  }
                },
                "headers": {
                  "Idempotent-Replayed": {
                    "$ref": "#/components/headers/IdempotentReplayed"
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin or supervisor."
              },
              "404": {
                "$ref": "#/components/responses/NotFound",
                "description": "No survey with this id."
              },
              "409": {
                "$ref": "#/components/responses/Conflict",
                "description": "The Idempotency-Key was already used for another path."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity",
                "description": "A field is not allowed: `organization` (names no organization), `tag`, `contacted_after`, `contacted_before` (not a date, or not after `contacted_after`), `every_days`."
              }
            }
          }
        },
        "/api/v1/goals": {
          "get": {
            "operationId": "listGoals",
            "summary": "SMART goals and their progress",
            "description": "Every goal, deadlines soonest first, with its progress now. Admins and supervisors.",
            "tags": [
              "Reports"
            ],
            "responses": {
              "200": {
                "description": "The goals.",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "properties": {
                        "data": {
                          "type": "array",
                          "items": {
                            "type": "object",
                            "required": [
                              "id",
                              "name",
                              "metric",
                              "direction",
                              "target",
                              "start",
                              "deadline",
                              "progress"
                            ],
                            "properties": {
                              "id": {
                                "type": "integer"
                              },
                              "name": {
                                "type": "string"
                              },
                              "metric": {
                                "type": "string",
                                "enum": [
                                  "first_response_median",
                                  "first_response_p90",
                                  "first_response_average",
                                  "resolution_median",
                                  "resolution_p90",
                                  "resolution_average",
                                  "reopen_rate",
                                  "first_contact_resolution",
                                  "backlog",
                                  "replies_per_ticket"
                                ],
                                "description": "Times in seconds; `reopen_rate` and `first_contact_resolution` as shares from 0 to 1; `backlog` as tickets at the end; `replies_per_ticket` as the average."
                              },
                              "direction": {
                                "type": "string",
                                "enum": [
                                  "at_most",
                                  "at_least"
                                ]
                              },
                              "target": {
                                "type": "number",
                                "minimum": 0
                              },
                              "group_id": {
                                "type": [
                                  "integer",
                                  "null"
                                ]
                              },
                              "channel": {
                                "oneOf": [
                                  {
                                    "$ref": "#/components/schemas/Channel"
                                  },
                                  {
                                    "type": "null"
                                  }
                                ]
                              },
                              "start": {
                                "type": "string",
                                "format": "date-time"
                              },
                              "deadline": {
                                "type": "string",
                                "format": "date-time"
                              },
                              "progress": {
                                "type": "object",
                                "properties": {
                                  "value": {
                                    "type": [
                                      "number",
                                      "null"
                                    ],
                                    "description": "The metric over start … now (the whole period after the deadline) for the goal's tickets."
                                  },
                                  "trend_per_day": {
                                    "type": [
                                      "number",
                                      "null"
                                    ],
                                    "description": "The change from the value 7 days ago, per day."
                                  },
                                  "elapsed_share": {
                                    "type": "number",
                                    "minimum": 0,
                                    "maximum": 1
                                  },
                                  "status": {
                                    "type": "string",
                                    "enum": [
                                      "on_track",
                                      "at_risk",
                                      "missed",
                                      "achieved"
                                    ],
                                    "description": "At the deadline achieved or missed; before it on track when the value and its trend projected to the deadline both meet the target, at risk when one does or neither does before 80 % of the period has passed, missed after. Rules in docs/metrics.md."
                                  }
                                }
                              }
                            }
                          }
                        },
                        "next_cursor": {
                          "type": "null"
                        }
                      }
                    },
                    "example": {
                      "data": [
                        {
                          "id": 3,
                          "name": "الرد على البريد خلال ساعتين",
                          "metric": "first_response_median",
                          "direction": "at_most",
                          "target": 7200,
                          "group_id": null,
                          "channel": "email",
                          "start": "2027-01-01T00:00:00.000Z",
                          "deadline": "2027-04-01T00:00:00.000Z",
                          "progress": {
                            "value": 5400,
                            "trend_per_day": -30,
                            "elapsed_share": 0.4,
                            "status": "on_track"
                          }
                        }
                      ],
                      "next_cursor": null
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin or supervisor."
              }
            }
          },
          "post": {
            "operationId": "createGoal",
            "summary": "Set a SMART goal",
            "description": "A metric, a target, a direction (default: at least for first-contact resolution, at most for the others), an optional scope (group, channel) and a period. `start` and `deadline` are days (midnight in `time_zone`, UTC by default) or RFC 3339 times; the period is at most 3 years. Admins and supervisors.",
            "tags": [
              "Reports"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/IdempotencyKey"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "type": "object",
                    "required": [
                      "name",
                      "metric",
                      "target",
                      "start",
                      "deadline"
                    ],
                    "properties": {
                      "name": {
                        "type": "string",
                        "maxLength": 200
                      },
                      "metric": {
                        "type": "string",
                        "enum": [
                          "first_response_median",
                          "first_response_p90",
                          "first_response_average",
                          "resolution_median",
                          "resolution_p90",
                          "resolution_average",
                          "reopen_rate",
                          "first_contact_resolution",
                          "backlog",
                          "replies_per_ticket"
                        ]
                      },
                      "direction": {
                        "type": "string",
                        "enum": [
                          "at_most",
                          "at_least"
                        ]
                      },
                      "target": {
                        "type": "number",
                        "minimum": 0
                      },
                      "group_id": {
                        "type": "integer"
                      },
                      "channel": {
                        "$ref": "#/components/schemas/Channel"
                      },
                      "start": {
                        "type": "string"
                      },
                      "deadline": {
                        "type": "string"
                      },
                      "time_zone": {
                        "type": "string",
                        "example": "Asia/Riyadh"
                      }
                    }
                  },
                  "example": {
                    "name": "الرد على البريد خلال ساعتين",
                    "metric": "first_response_median",
                    "target": 7200,
                    "channel": "email",
                    "start": "2027-01-01",
                    "deadline": "2027-04-01",
                    "time_zone": "Asia/Riyadh"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The goal with its progress.",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": [
                        "id",
                        "name",
                        "metric",
                        "direction",
                        "target",
                        "start",
                        "deadline",
                        "progress"
                      ],
                      "properties": {
                        "id": {
                          "type": "integer"
                        },
                        "name": {
                          "type": "string"
                        },
                        "metric": {
                          "type": "string",
                          "enum": [
                            "first_response_median",
                            "first_response_p90",
                            "first_response_average",
                            "resolution_median",
                            "resolution_p90",
                            "resolution_average",
                            "reopen_rate",
                            "first_contact_resolution",
                            "backlog",
                            "replies_per_ticket"
                          ],
                          "description": "Times in seconds; `reopen_rate` and `first_contact_resolution` as shares from 0 to 1; `backlog` as tickets at the end; `replies_per_ticket` as the average."
                        },
                        "direction": {
                          "type": "string",
                          "enum": [
                            "at_most",
                            "at_least"
                          ]
                        },
                        "target": {
                          "type": "number",
                          "minimum": 0
                        },
                        "group_id": {
                          "type": [
                            "integer",
                            "null"
                          ]
                        },
                        "channel": {
                          "oneOf": [
                            {
                              "$ref": "#/components/schemas/Channel"
                            },
                            {
                              "type": "null"
                            }
                          ]
                        },
                        "start": {
                          "type": "string",
                          "format": "date-time"
                        },
                        "deadline": {
                          "type": "string",
                          "format": "date-time"
                        },
                        "progress": {
                          "type": "object",
                          "properties": {
                            "value": {
                              "type": [
                                "number",
                                "null"
                              ],
                              "description": "The metric over start … now (the whole period after the deadline) for the goal's tickets."
                            },
                            "trend_per_day": {
                              "type": [
                                "number",
                                "null"
                              ],
                              "description": "The change from the value 7 days ago, per day."
                            },
                            "elapsed_share": {
                              "type": "number",
                              "minimum": 0,
                              "maximum": 1
                            },
                            "status": {
                              "type": "string",
                              "enum": [
                                "on_track",
                                "at_risk",
                                "missed",
                                "achieved"
                              ],
                              "description": "At the deadline achieved or missed; before it on track when the value and its trend projected to the deadline both meet the target, at risk when one does or neither does before 80 % of the period has passed, missed after. Rules in docs/metrics.md."
                            }
                          }
                        }
                      }
                    },
                    "example": {
                      "id": 3,
                      "name": "الرد على البريد خلال ساعتين",
                      "metric": "first_response_median",
                      "direction": "at_most",
                      "target": 7200,
                      "group_id": null,
                      "channel": "email",
                      "start": "2027-01-01T00:00:00.000Z",
                      "deadline": "2027-04-01T00:00:00.000Z",
                      "progress": {
                        "value": 5400,
                        "trend_per_day": -30,
                        "elapsed_share": 0.4,
                        "status": "on_track"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin or supervisor."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/goals/{id}": {
          "delete": {
            "operationId": "deleteGoal",
            "summary": "Remove a goal",
            "tags": [
              "Reports"
            ],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "integer",
                  "minimum": 1
                }
              }
            ],
            "responses": {
              "204": {
                "description": "Removed."
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin or supervisor."
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              }
            }
          }
        },
        "/api/v1/reports/{name}": {
          "get": {
            "operationId": "getReport",
            "summary": "A service report",
            "description": "Admins and supervisors. Every figure derives from the tickets' messages and events; definitions are in docs/metrics.md. `volume`: new tickets per channel per period, with the range just before it for comparison (`previous`, `change_percent`). `response_times`: first response (creation → first public agent reply) and resolution (creation → first resolution; creation → last resolution of tickets not active now; reopen → next resolution) as count, median and p90 by nearest rank, and average, in seconds; in business time with `measure=business&calendar_id=`. `reopens`: reopen rate, first-contact resolution, replies per ticket, and the backlog at each period's end. `satisfaction`: CSAT, NPS, CES and response rate (as `GET /api/v1/satisfaction`). `agents`: per agent, tickets resolved, first response, resolution, reopen rate and replies. `capacity`: for chat and phone, arrivals per hour of week, the average handle time measured from history (chat: first reply → first resolution; phone: logged call durations) and the agents Erlang C needs for `service_level` % answered within `answer_within` seconds; for e-mail, the backlog projected 14 days at the measured arrival and resolution rates. `self_service`: chats the answer bot answered, solved and handed to a person, requests solved by a suggested article, and article views and votes. With `format=csv`, the periods (or rows) as CSV.",
            "tags": [
              "Reports"
            ],
            "parameters": [
              {
                "name": "name",
                "in": "path",
                "required": true,
                "description": "Which report.",
                "schema": {
                  "type": "string",
                  "enum": [
                    "volume",
                    "response_times",
                    "reopens",
                    "satisfaction",
                    "agents",
                    "capacity",
                    "self_service"
                  ]
                }
              },
              {
                "$ref": "#/components/parameters/ReportFrom"
              },
              {
                "$ref": "#/components/parameters/ReportTo"
              },
              {
                "$ref": "#/components/parameters/ReportPeriod"
              },
              {
                "$ref": "#/components/parameters/ReportTimeZone"
              },
              {
                "$ref": "#/components/parameters/ReportChannels"
              },
              {
                "$ref": "#/components/parameters/ReportGroups"
              },
              {
                "$ref": "#/components/parameters/ReportAgents"
              },
              {
                "$ref": "#/components/parameters/ReportTags"
              },
              {
                "$ref": "#/components/parameters/ReportPriorities"
              },
              {
                "$ref": "#/components/parameters/ReportOrganizations"
              },
              {
                "name": "format",
                "in": "query",
                "required": false,
                "description": "`json` or `csv`.",
                "schema": {
                  "type": "string",
                  "enum": [
                    "json",
                    "csv"
                  ],
                  "default": "json"
                }
              },
              {
                "name": "measure",
                "in": "query",
                "required": false,
                "description": "`response_times` only: `calendar` (elapsed time) or `business` (open hours of `calendar_id`).",
                "schema": {
                  "type": "string",
                  "enum": [
                    "calendar",
                    "business"
                  ],
                  "default": "calendar"
                }
              },
              {
                "name": "calendar_id",
                "in": "query",
                "required": false,
                "description": "The business calendar for `measure=business`.",
                "schema": {
                  "type": "integer"
                }
              },
              {
                "name": "service_level",
                "in": "query",
                "required": false,
                "description": "`capacity` only: the share of contacts to answer within `answer_within` seconds, in percent.",
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 99,
                  "default": 80
                }
              },
              {
                "name": "answer_within",
                "in": "query",
                "required": false,
                "description": "`capacity` only: seconds.",
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 3600,
                  "default": 20
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The report: `from`, `to`, `period`, `total` and `periods` (each with `start`, `end` and the figures); `agents` lists agents; `capacity` has `live` and `email`.",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object"
                    },
                    "examples": {
                      "volume": {
                        "summary": "حجم التذاكر في أسبوع",
                        "value": {
                          "from": "2026-11-01T00:00:00.000Z",
                          "to": "2026-11-08T00:00:00.000Z",
                          "period": "week",
                          "total": 3,
                          "by_channel": {
                            "email": 1,
                            "chat": 1,
                            "web": 0,
                            "phone": 1,
                            "social": 0,
                            "api": 0
                          },
                          "previous": {
                            "from": "2026-10-25T00:00:00.000Z",
                            "to": "2026-11-01T00:00:00.000Z",
                            "total": 4,
                            "by_channel": {
                              "email": 2,
                              "chat": 2,
                              "web": 0,
                              "phone": 0,
                              "social": 0,
                              "api": 0
                            }
                          },
                          "change_percent": -25,
                          "periods": [
                            {
                              "start": "2026-11-01T00:00:00.000Z",
                              "end": "2026-11-08T00:00:00.000Z",
                              "total": 3,
                              "by_channel": {
                                "email": 1,
                                "chat": 1,
                                "web": 0,
                                "phone": 1,
                                "social": 0,
                                "api": 0
                              }
                            }
                          ]
                        }
                      }
                    }
                  },
                  "text/csv": {
                    "schema": {
                      "type": "string"
                    },
                    "example": "start,end,total,email,chat,web,phone,social,api\r\n2026-11-01T00:00:00.000Z,2026-11-02T00:00:00.000Z,2,1,1,0,0,0,0\r\n"
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin or supervisor."
              },
              "404": {
                "$ref": "#/components/responses/NotFound",
                "description": "No report of that name."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/reports/tickets": {
          "get": {
            "operationId": "exportTickets",
            "summary": "Tickets with their metrics, as CSV",
            "description": "Every ticket created in the range that passes the filters, oldest first, one CSV row each: its attributes, first response and first resolution (instants and calendar seconds), reopens, agent replies and whether it was merged. Streamed a page at a time, so it suits millions of rows. Admins and supervisors.",
            "tags": [
              "Reports"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/ReportFrom"
              },
              {
                "$ref": "#/components/parameters/ReportTo"
              },
              {
                "$ref": "#/components/parameters/ReportPeriod"
              },
              {
                "$ref": "#/components/parameters/ReportTimeZone"
              },
              {
                "$ref": "#/components/parameters/ReportChannels"
              },
              {
                "$ref": "#/components/parameters/ReportGroups"
              },
              {
                "$ref": "#/components/parameters/ReportAgents"
              },
              {
                "$ref": "#/components/parameters/ReportTags"
              },
              {
                "$ref": "#/components/parameters/ReportPriorities"
              },
              {
                "$ref": "#/components/parameters/ReportOrganizations"
              }
            ],
            "responses": {
              "200": {
                "description": "The CSV.",
                "content": {
                  "text/csv": {
                    "schema": {
                      "type": "string"
                    },
                    "example": "id,created_at,channel,status,priority,group_id,assignee_id,organization_id,tags,first_response_at,first_response_seconds,first_resolved_at,resolution_seconds,reopens,agent_replies,merged\r\n17,2026-11-01T06:00:00.000Z,email,solved,normal,2,5,,فاتورة,2026-11-01T08:00:00.000Z,7200,2026-11-01T10:00:00.000Z,14400,0,1,false\r\n"
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin or supervisor."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity"
              }
            }
          }
        },
        "/api/v1/satisfaction": {
          "get": {
            "operationId": "getSatisfaction",
            "summary": "Satisfaction report",
            "description": "CSAT %, NPS with its classes, CES average and distribution, response rate and comment sentiment over a time range, in total and per period. Answers count in the period they were given; the response rate counts invitations by when they were sent and whether they have been answered since. Admins and supervisors.",
            "tags": [
              "Surveys"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/ReportFrom"
              },
              {
                "$ref": "#/components/parameters/ReportTo"
              },
              {
                "$ref": "#/components/parameters/ReportPeriod"
              },
              {
                "$ref": "#/components/parameters/ReportTimeZone"
              },
              {
                "$ref": "#/components/parameters/ReportChannels"
              },
              {
                "$ref": "#/components/parameters/ReportGroups"
              },
              {
                "$ref": "#/components/parameters/ReportAgents"
              },
              {
                "$ref": "#/components/parameters/ReportTags"
              },
              {
                "$ref": "#/components/parameters/ReportPriorities"
              },
              {
                "$ref": "#/components/parameters/ReportOrganizations"
              }
            ],
            "responses": {
              "200": {
                "description": "The report.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/SatisfactionReport"
                    },
                    "examples": {
                      "weeks": {
                        "summary": "أسبوعان بتوقيت الرياض",
                        "value": {
                          "from": "2025-03-01T21:00:00.000Z",
                          "to": "2025-03-15T21:00:00.000Z",
                          "period": "week",
                          "total": {
                            "csat": {
                              "percent": 86.2,
                              "answers": 210,
                              "satisfied": 181
                            },
                            "nps": {
                              "score": 31.0,
                              "answers": 100,
                              "promoters": 48,
                              "passives": 35,
                              "detractors": 17
                            },
                            "ces": {
                              "average": 2.4,
                              "answers": 64,
                              "distribution": [
                                18,
                                20,
                                12,
                                6,
                                4,
                                3,
                                1
                              ]
                            },
                            "response_rate": {
                              "sent": 540,
                              "answered": 374,
                              "rate": 69.3
                            },
                            "comment_sentiment": {
                              "negative": 21,
                              "neutral": 40,
                              "positive": 77
                            },
                            "customer_sentiment": {
                              "opening": {
                                "negative": 298,
                                "neutral": 910,
                                "positive": 612
                              },
                              "latest": {
                                "negative": 231,
                                "neutral": 902,
                                "positive": 687
                              }
                            }
                          },
                          "periods": [
                            {
                              "start": "2025-03-01T21:00:00.000Z",
                              "end": "2025-03-08T21:00:00.000Z",
                              "figures": {
                                "csat": {
                                  "percent": 84.0,
                                  "answers": 100,
                                  "satisfied": 84
                                },
                                "nps": {
                                  "score": 28.0,
                                  "answers": 50,
                                  "promoters": 23,
                                  "passives": 18,
                                  "detractors": 9
                                },
                                "ces": {
                                  "average": 2.5,
                                  "answers": 30,
                                  "distribution": [
                                    8,
                                    9,
                                    6,
                                    3,
                                    2,
                                    2,
                                    0
                                  ]
                                },
                                "response_rate": {
                                  "sent": 260,
                                  "answered": 180,
                                  "rate": 69.2
                                },
                                "comment_sentiment": {
                                  "negative": 11,
                                  "neutral": 19,
                                  "positive": 35
                                },
                                "customer_sentiment": {
                                  "opening": {
                                    "negative": 151,
                                    "neutral": 440,
                                    "positive": 300
                                  },
                                  "latest": {
                                    "negative": 120,
                                    "neutral": 437,
                                    "positive": 334
                                  }
                                }
                              }
                            },
                            {
                              "start": "2025-03-08T21:00:00.000Z",
                              "end": "2025-03-15T21:00:00.000Z",
                              "figures": {
                                "csat": {
                                  "percent": 88.2,
                                  "answers": 110,
                                  "satisfied": 97
                                },
                                "nps": {
                                  "score": 34.0,
                                  "answers": 50,
                                  "promoters": 25,
                                  "passives": 17,
                                  "detractors": 8
                                },
                                "ces": {
                                  "average": 2.3,
                                  "answers": 34,
                                  "distribution": [
                                    10,
                                    11,
                                    6,
                                    3,
                                    2,
                                    1,
                                    1
                                  ]
                                },
                                "response_rate": {
                                  "sent": 280,
                                  "answered": 194,
                                  "rate": 69.3
                                },
                                "comment_sentiment": {
                                  "negative": 10,
                                  "neutral": 21,
                                  "positive": 42
                                },
                                "customer_sentiment": {
                                  "opening": {
                                    "negative": 147,
                                    "neutral": 470,
                                    "positive": 312
                                  },
                                  "latest": {
                                    "negative": 111,
                                    "neutral": 465,
                                    "positive": 353
                                  }
                                }
                              }
                            }
                          ]
                        }
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin or supervisor."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity",
                "description": "A parameter is not allowed: `from` (not a date, not before `to`, or more than 3 years before it), `to`, `period`, `time_zone`, `group_id`, `agent_id`, `channel`."
              }
            }
          }
        },
        "/api/v1/satisfaction/themes": {
          "get": {
            "operationId": "getSatisfactionThemes",
            "summary": "Themes of negative comments",
            "description": "What negative survey comments in the range mention most, per language of the comment (`ar`, `en`): words and two-word phrases, each counted once per comment. Spelling variants and the Arabic article are folded together («التوصيل» and «توصيل» are one theme); stop words, digits and one-letter words are left out. At most 10 per language; a language without negative comments is left out. Admins and supervisors.",
            "tags": [
              "Surveys"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/ReportFrom"
              },
              {
                "$ref": "#/components/parameters/ReportTo"
              },
              {
                "$ref": "#/components/parameters/ReportTimeZone"
              }
            ],
            "responses": {
              "200": {
                "description": "The themes by language, most comments first.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/SatisfactionThemes"
                    },
                    "examples": {
                      "arabic": {
                        "summary": "شكاوى التوصيل في المقدمة",
                        "value": {
                          "ar": [
                            {
                              "text": "توصيل متاخر",
                              "comments": 14,
                              "phrase": true
                            },
                            {
                              "text": "مندوب",
                              "comments": 9,
                              "phrase": false
                            },
                            {
                              "text": "استرجاع مبلغ",
                              "comments": 5,
                              "phrase": true
                            }
                          ],
                          "en": [
                            {
                              "text": "refund",
                              "comments": 3,
                              "phrase": false
                            }
                          ]
                        }
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden",
                "description": "The caller is not an admin or supervisor."
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity",
                "description": "`from` (not a date, or not before `to`), `to` or `time_zone` is not allowed."
              }
            }
          }
        },
        "/api/v1/close-loop-tasks": {
          "get": {
            "operationId": "listCloseLoopTasks",
            "summary": "Close-the-loop tasks",
            "description": "Tasks opened by low survey answers (CSAT ≤ 2, NPS ≤ 6, CES ≥ 6 on the 1 = very easy scale), for the ticket's agent, or its group's supervisors when nobody has the ticket, to get back to the customer. Oldest first, at most 200, in one page (`next_cursor` is null). Any staff member: an agent sees only tasks of tickets they may see; tasks without a ticket are for admins and supervisors.",
            "tags": [
              "Surveys"
            ],
            "parameters": [
              {
                "name": "status",
                "in": "query",
                "required": false,
                "description": "Which tasks.",
                "schema": {
                  "type": "string",
                  "enum": [
                    "open",
                    "done"
                  ],
                  "default": "open"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The tasks.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/CloseLoopTaskPage"
                    },
                    "examples": {
                      "arabic": {
                        "summary": "عميلة غير راضية",
                        "value": {
                          "data": [
                            {
                              "id": 77,
                              "status": "open",
                              "ticket_id": 1207,
                              "ticket_subject": "استفسار عن الفاتورة",
                              "customer_id": 42,
                              "customer_name": "سارة العتيبي",
                              "assignee_id": 7,
                              "group_id": 3,
                              "kind": "csat",
                              "score": 1,
                              "comment": "لم تُحل مشكلتي والفاتورة ما زالت خاطئة",
                              "created_at": "2025-03-04T10:12:05.310Z"
                            }
                          ],
                          "next_cursor": null
                        }
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableEntity",
                "description": "`status` is not open or done."
              }
            }
          }
        },
        "/api/v1/close-loop-tasks/{id}/done": {
          "post": {
            "operationId": "completeCloseLoopTask",
            "summary": "Mark a close-the-loop task done",
            "description": "Marks the task done by the caller; a task already done stays as it was. Any staff member who may see the task.",
            "tags": [
              "Surveys"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/CloseLoopTaskID"
              }
            ],
            "responses": {
              "200": {
                "description": "The task, status `done`.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/CloseLoopTask"
                    },
                    "examples": {
                      "arabic": {
                        "summary": "تمت المتابعة",
                        "value": {
                          "id": 77,
                          "status": "done",
                          "ticket_id": 1207,
                          "ticket_subject": "استفسار عن الفاتورة",
                          "customer_id": 42,
                          "customer_name": "سارة العتيبي",
                          "assignee_id": 7,
                          "group_id": 3,
                          "kind": "csat",
                          "score": 1,
                          "comment": "لم تُحل مشكلتي والفاتورة ما زالت خاطئة",
                          "created_at": "2025-03-04T10:12:05.310Z",
                          "done_at": "2025-03-04T13:40:00.000Z"
                        }
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound",
                "description": "No task with this id, or one the caller may not see."
              }
            }
          }
        }
      },
      "components": {
        "securitySchemes": {
          "bearer": {
            "type": "http",
            "scheme": "bearer",
            "description": "The token from `POST /api/v1/auth/login`."
          }
        },
        "parameters": {
          "IdempotencyKey": {
            "name": "Idempotency-Key",
            "in": "header",
            "required": false,
            "description": "Makes the create safe to retry. The first answer is stored with the record it made; a retry by the same user with the same key and path gets that answer again (with `Idempotent-Replayed: true`) instead of a second record. Reusing a key on another path is a 409. At most 255 characters.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            },
            "example": "5f0c2a9e-3b1d-4c7a-9e57-0a8b6f4d2c11"
          },
          "Limit": {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Page size, 1 to 100.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 25
            }
          },
          "Cursor": {
            "name": "cursor",
            "in": "query",
            "required": false,
            "description": "The `next_cursor` of the previous page; opaque.",
            "schema": {
              "type": "string"
            }
          },
          "TicketID": {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The ticket's id. A ticket the caller may not see is a 404.",
            "schema": {
              "type": "integer",
              "format": "int64",
              "minimum": 1
            }
          },
          "CustomerID": {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The customer's id.",
            "schema": {
              "type": "integer",
              "format": "int64",
              "minimum": 1
            }
          },
          "SurveyID": {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The survey's id.",
            "schema": {
              "type": "integer",
              "format": "int64",
              "minimum": 1
            }
          },
          "CloseLoopTaskID": {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The close-the-loop task's id. A task the caller may not see is a 404.",
            "schema": {
              "type": "integer",
              "format": "int64",
              "minimum": 1
            }
          },
          "ReportFrom": {
            "name": "from",
            "in": "query",
            "required": false,
            "description": "Start of the range (included): a day (`2025-03-01`, Arabic-Indic digits too) meaning its midnight in `time_zone`, or an RFC 3339 time. Default: 30 days before `to`.",
            "schema": {
              "type": "string"
            },
            "example": "2025-03-01"
          },
          "ReportTo": {
            "name": "to",
            "in": "query",
            "required": false,
            "description": "End of the range (excluded), written as `from`. Default: now.",
            "schema": {
              "type": "string"
            },
            "example": "2025-04-01"
          },
          "ReportTimeZone": {
            "name": "time_zone",
            "in": "query",
            "required": false,
            "description": "An IANA time zone for days written without a time and for period boundaries.",
            "schema": {
              "type": "string",
              "default": "UTC"
            },
            "example": "Asia/Riyadh"
          },
          "ReportPeriod": {
            "name": "period",
            "in": "query",
            "required": false,
            "description": "How `periods` cuts the range, in `time_zone`: `day`; `week` (starting on Sunday); `fortnight` (the 1st to the 15th, the 16th to the month's end); `month`; or `custom` (the whole range as one period). Periods at the ends are cut to the range.",
            "schema": {
              "type": "string",
              "enum": [
                "day",
                "week",
                "fortnight",
                "month",
                "custom"
              ],
              "default": "week"
            }
          },
          "ReportChannels": {
            "name": "channel",
            "in": "query",
            "required": false,
            "description": "Only tickets of these channels. One value or several separated by commas; a ticket passes when it matches any of them. Filters use the ticket's current attributes.",
            "schema": {
              "type": "string"
            },
            "example": "email,chat"
          },
          "ReportGroups": {
            "name": "group_id",
            "in": "query",
            "required": false,
            "description": "Only tickets of these groups. One value or several separated by commas; a ticket passes when it matches any of them. Filters use the ticket's current attributes.",
            "schema": {
              "type": "string"
            },
            "example": "3"
          },
          "ReportAgents": {
            "name": "agent_id",
            "in": "query",
            "required": false,
            "description": "Only tickets assigned to these agents. One value or several separated by commas; a ticket passes when it matches any of them. Filters use the ticket's current attributes.",
            "schema": {
              "type": "string"
            },
            "example": "7,9"
          },
          "ReportTags": {
            "name": "tag",
            "in": "query",
            "required": false,
            "description": "Only tickets carrying at least one of these tags (Arabic tags too). One value or several separated by commas; a ticket passes when it matches any of them. Filters use the ticket's current attributes.",
            "schema": {
              "type": "string"
            },
            "example": "فاتورة,refund"
          },
          "ReportPriorities": {
            "name": "priority",
            "in": "query",
            "required": false,
            "description": "Only tickets of these priorities (`low`, `normal`, `high`, `urgent`). One value or several separated by commas; a ticket passes when it matches any of them. Filters use the ticket's current attributes.",
            "schema": {
              "type": "string"
            },
            "example": "high,urgent"
          },
          "ReportOrganizations": {
            "name": "organization_id",
            "in": "query",
            "required": false,
            "description": "Only tickets of customers of these organizations. One value or several separated by commas; a ticket passes when it matches any of them. Filters use the ticket's current attributes.",
            "schema": {
              "type": "string"
            },
            "example": "2"
          }
        },
        "headers": {
          "WWWAuthenticate": {
            "description": "Always `Bearer`.",
            "schema": {
              "type": "string",
              "const": "Bearer"
            }
          },
          "RetryAfter": {
            "description": "Seconds to wait.",
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          },
          "IdempotentReplayed": {
            "description": "`true` when this is the stored answer to an earlier request with the same Idempotency-Key.",
            "schema": {
              "type": "string",
              "const": "true"
            }
          }
        },
        "responses": {
          "BadRequest": {
            "description": "The body is not JSON, or a field has the wrong JSON type (`/problems/malformed-request`).",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "Unauthorized": {
            "description": "No bearer token, or the token is unknown or has expired.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            },
            "headers": {
              "WWW-Authenticate": {
                "$ref": "#/components/headers/WWWAuthenticate"
              }
            }
          },
          "Forbidden": {
            "description": "The caller's role may not do this.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "NotFound": {
            "description": "No such record, or one the caller may not see.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "Conflict": {
            "description": "The request conflicts with the current state.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "UnprocessableEntity": {
            "description": "A field or parameter is missing or not allowed (`/problems/invalid-input`); `errors` lists every one.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "TooManyRequests": {
            "description": "Too many failed sign-ins: the account is locked for a while (`/problems/too-many-attempts`).",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            },
            "headers": {
              "Retry-After": {
                "$ref": "#/components/headers/RetryAfter"
              }
            }
          },
          "BadGateway": {
            "description": "The language model could not be reached, did not answer within 30 seconds, refused, or answered without a reply; the detail says which.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "InternalServerError": {
            "description": "Something went wrong on the server.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          }
        },
        "schemas": {
          "OutboxItem": {
            "type": "object",
            "required": [
              "id",
              "kind",
              "recipient",
              "status",
              "attempts",
              "next_attempt_at",
              "last_error",
              "created_at",
              "sent_at"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64"
              },
              "ticket_id": {
                "type": "integer",
                "description": "The ticket the mail is about; absent for the weekly digest to supervisors.",
                "format": "int64"
              },
              "kind": {
                "type": "string",
                "enum": [
                  "reply",
                  "acknowledgement",
                  "sign_in_link",
                  "survey",
                  "digest"
                ]
              },
              "recipient": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "enum": [
                  "pending",
                  "sent",
                  "failed"
                ]
              },
              "attempts": {
                "type": "integer"
              },
              "next_attempt_at": {
                "type": "string",
                "format": "date-time"
              },
              "last_error": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "sent_at": {
                "type": [
                  "string",
                  "null"
                ],
                "format": "date-time"
              }
            }
          },
          "OutboxItemPage": {
            "type": "object",
            "required": [
              "data",
              "next_cursor"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/OutboxItem"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "SocialPost": {
            "type": "object",
            "required": [
              "author",
              "text"
            ],
            "properties": {
              "id": {
                "type": "string",
                "description": "The post's id on the source; repeats are ignored."
              },
              "author": {
                "type": "object",
                "required": [
                  "handle"
                ],
                "properties": {
                  "handle": {
                    "type": "string"
                  },
                  "name": {
                    "type": "string"
                  }
                }
              },
              "text": {
                "type": "string"
              },
              "url": {
                "type": "string"
              },
              "posted_at": {
                "type": "string",
                "format": "date-time"
              },
              "source": {
                "type": "string"
              }
            }
          },
          "SocialOutcome": {
            "type": "object",
            "required": [
              "outcome",
              "ticket_id"
            ],
            "properties": {
              "outcome": {
                "type": "string",
                "enum": [
                  "opened",
                  "added",
                  "duplicate"
                ]
              },
              "ticket_id": {
                "type": "integer",
                "format": "int64"
              }
            }
          },
          "SocialOutcomePage": {
            "type": "object",
            "required": [
              "data",
              "next_cursor"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/SocialOutcome"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "ChannelSource": {
            "type": "object",
            "required": [
              "id",
              "kind",
              "name",
              "group_id",
              "has_verify_token",
              "created_at",
              "has_reply_token"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64"
              },
              "kind": {
                "type": "string",
                "enum": [
                  "social",
                  "phone"
                ]
              },
              "name": {
                "type": "string"
              },
              "group_id": {
                "type": [
                  "integer",
                  "null"
                ],
                "format": "int64"
              },
              "has_verify_token": {
                "type": "boolean"
              },
              "reply_url": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "reply_format": {
                "type": [
                  "string",
                  "null"
                ],
                "enum": [
                  "generic",
                  "messenger",
                  "whatsapp",
                  null
                ]
              },
              "has_reply_token": {
                "type": "boolean"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              }
            }
          },
          "ChannelSourcePage": {
            "type": "object",
            "required": [
              "data",
              "next_cursor"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ChannelSource"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "CreateChannelSourceRequest": {
            "type": "object",
            "required": [
              "kind",
              "name",
              "secret"
            ],
            "additionalProperties": false,
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "social",
                  "phone"
                ]
              },
              "name": {
                "type": "string",
                "pattern": "^[a-z0-9-]{1,64}$"
              },
              "secret": {
                "type": "string",
                "minLength": 16
              },
              "verify_token": {
                "type": "string",
                "description": "For Meta's subscription handshake."
              },
              "group_id": {
                "type": "integer",
                "format": "int64"
              },
              "reply_url": {
                "type": "string",
                "format": "uri",
                "description": "Social sources: where agents' public replies are POSTed (JSON, signed with X-Hub-Signature-256 using the source's secret, through the outbox with retries). Without it, new tickets from the source carry a note asking the agent to move the customer to a private channel."
              },
              "reply_token": {
                "type": "string",
                "description": "Sent as Authorization: Bearer on each reply call (visible ASCII)."
              },
              "reply_format": {
                "type": "string",
                "enum": [
                  "generic",
                  "messenger",
                  "whatsapp"
                ],
                "description": "The body the reply endpoint expects: Raaya's generic {source, ticket_id, in_reply_to, recipient: {handle}, text}; Meta's Send API (Messenger, Instagram); or WhatsApp Cloud API. Default generic."
              }
            }
          },
          "PhoneCallRequest": {
            "type": "object",
            "required": [
              "direction",
              "duration_seconds",
              "outcome"
            ],
            "additionalProperties": false,
            "properties": {
              "direction": {
                "type": "string",
                "enum": [
                  "inbound",
                  "outbound"
                ]
              },
              "number": {
                "type": "string",
                "description": "Required from a telephony system; agents may leave it out."
              },
              "duration_seconds": {
                "type": "integer",
                "minimum": 0,
                "maximum": 86400
              },
              "outcome": {
                "type": "string",
                "enum": [
                  "answered",
                  "missed",
                  "voicemail",
                  "busy",
                  "failed"
                ]
              },
              "notes": {
                "type": "string"
              },
              "ticket_id": {
                "type": "integer",
                "format": "int64",
                "description": "Telephony only: the ticket to log the call on."
              }
            }
          },
          "LoggedCall": {
            "type": "object",
            "required": [
              "ticket_id",
              "message_id"
            ],
            "properties": {
              "ticket_id": {
                "type": "integer",
                "format": "int64"
              },
              "message_id": {
                "type": "integer",
                "format": "int64"
              }
            }
          },
          "MailTemplate": {
            "type": "object",
            "required": [
              "key",
              "language",
              "subject",
              "body",
              "customized"
            ],
            "properties": {
              "key": {
                "type": "string"
              },
              "language": {
                "type": "string"
              },
              "subject": {
                "type": "string"
              },
              "body": {
                "type": "string"
              },
              "customized": {
                "type": "boolean",
                "description": "False while the built-in text is in use."
              }
            }
          },
          "MailTemplatePage": {
            "type": "object",
            "required": [
              "data",
              "next_cursor"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/MailTemplate"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "MailTemplateRequest": {
            "type": "object",
            "required": [
              "subject",
              "body"
            ],
            "additionalProperties": false,
            "properties": {
              "subject": {
                "type": "string",
                "maxLength": 250
              },
              "body": {
                "type": "string"
              }
            }
          },
          "Attachment": {
            "type": "object",
            "description": "A file attached to a message.",
            "required": [
              "id",
              "filename",
              "content_type",
              "content_id",
              "inline",
              "size"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1
              },
              "filename": {
                "type": "string"
              },
              "content_type": {
                "type": "string"
              },
              "content_id": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "For inline images: the cid: the message's HTML refers to."
              },
              "inline": {
                "type": "boolean"
              },
              "size": {
                "type": "integer",
                "description": "Bytes."
              }
            }
          },
          "Mailbox": {
            "type": "object",
            "description": "An address Raaya receives mail for.",
            "required": [
              "id",
              "address",
              "name",
              "group_id",
              "language",
              "signature",
              "created_at"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1
              },
              "address": {
                "type": "string",
                "format": "email"
              },
              "name": {
                "type": "string"
              },
              "group_id": {
                "type": [
                  "integer",
                  "null"
                ],
                "format": "int64",
                "description": "New tickets from this mailbox go to this group."
              },
              "language": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Language of new customers and of mail sent from it, e.g. ar or en."
              },
              "signature": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              }
            }
          },
          "MailboxPage": {
            "type": "object",
            "required": [
              "data",
              "next_cursor"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Mailbox"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "CreateMailboxRequest": {
            "type": "object",
            "required": [
              "address",
              "name"
            ],
            "additionalProperties": false,
            "properties": {
              "address": {
                "type": "string",
                "format": "email"
              },
              "name": {
                "type": "string",
                "maxLength": 200
              },
              "group_id": {
                "type": "integer",
                "format": "int64"
              },
              "language": {
                "type": "string",
                "description": "A language tag such as ar, en or ar-SA."
              },
              "signature": {
                "type": "string",
                "maxLength": 4096
              }
            }
          },
          "InboundMailOutcome": {
            "type": "object",
            "required": [
              "outcome",
              "ticket_id",
              "reason"
            ],
            "properties": {
              "outcome": {
                "type": "string",
                "enum": [
                  "opened",
                  "added",
                  "duplicate",
                  "ignored",
                  "kept"
                ]
              },
              "ticket_id": {
                "type": [
                  "integer",
                  "null"
                ],
                "format": "int64"
              },
              "reason": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Why no ticket: the kind of automatic mail, or what was missing."
              }
            }
          },
          "TicketStatus": {
            "type": "string",
            "description": "The life of a ticket: new → open → pending → on_hold → solved → closed. Moves a person may make: new → open, pending, on_hold, solved, closed; open → pending, on_hold, solved, closed; pending → open, on_hold, solved, closed; on_hold → open, pending, solved, closed; solved → open, closed. closed is final: a customer writing again starts a follow-up ticket.",
            "enum": [
              "new",
              "open",
              "pending",
              "on_hold",
              "solved",
              "closed"
            ]
          },
          "TicketPriority": {
            "type": "string",
            "enum": [
              "low",
              "normal",
              "high",
              "urgent"
            ]
          },
          "Channel": {
            "type": "string",
            "description": "Where a ticket or message came from.",
            "enum": [
              "email",
              "chat",
              "web",
              "phone",
              "social",
              "api"
            ]
          },
          "AuthorKind": {
            "type": "string",
            "description": "Who wrote a message.",
            "enum": [
              "customer",
              "agent",
              "bot",
              "system"
            ]
          },
          "Role": {
            "type": "string",
            "description": "A staff member's role. Admins and supervisors see every ticket; agents see tickets of their groups, tickets assigned to them and tickets without a group. Only admins create users and groups.",
            "enum": [
              "admin",
              "supervisor",
              "agent"
            ]
          },
          "EventKind": {
            "type": "string",
            "description": "What a ticket event records.",
            "enum": [
              "created",
              "status_changed",
              "priority_changed",
              "assigned",
              "group_changed",
              "tags_changed",
              "message_added",
              "first_response",
              "reopened",
              "follow_up_created",
              "merged",
              "merged_from"
            ]
          },
          "Problem": {
            "type": "object",
            "description": "An RFC 9457 problem document, sent as application/problem+json for every error. A 401 also carries `WWW-Authenticate: Bearer`; a 429 carries `Retry-After`.",
            "required": [
              "type",
              "title",
              "status",
              "detail"
            ],
            "properties": {
              "type": {
                "type": "string",
                "description": "A URI reference naming the kind of problem: /problems/invalid-input, /problems/malformed-request, /problems/duplicate, /problems/illegal-status-change, /problems/too-many-attempts, or about:blank when the status says it all.",
                "examples": [
                  "/problems/invalid-input"
                ]
              },
              "title": {
                "type": "string",
                "examples": [
                  "Invalid input"
                ]
              },
              "status": {
                "type": "integer",
                "description": "The HTTP status code.",
                "examples": [
                  422
                ]
              },
              "detail": {
                "type": "string",
                "examples": [
                  "subject is required; customer.email is not a valid email address"
                ]
              },
              "field": {
                "type": "string",
                "description": "The first field at fault; `errors` lists them all.",
                "examples": [
                  "subject"
                ]
              },
              "errors": {
                "type": "array",
                "description": "Every field at fault (invalid or malformed input).",
                "items": {
                  "type": "object",
                  "required": [
                    "field",
                    "detail"
                  ],
                  "properties": {
                    "field": {
                      "type": "string",
                      "description": "A JSON path such as `customer.email` or `tags[2]`.",
                      "examples": [
                        "tags[2]"
                      ]
                    },
                    "detail": {
                      "type": "string",
                      "examples": [
                        "tags[2] must be one word of 1 to 64 characters"
                      ]
                    }
                  }
                }
              },
              "existing_id": {
                "type": "integer",
                "description": "With /problems/duplicate: the id of the record that already exists."
              },
              "allowed_statuses": {
                "type": "array",
                "description": "With /problems/illegal-status-change: the statuses the ticket may move to (empty when it is closed).",
                "items": {
                  "$ref": "#/components/schemas/TicketStatus"
                }
              },
              "retry_after": {
                "type": "integer",
                "description": "With /problems/too-many-attempts: seconds to wait before signing in again."
              }
            }
          },
          "Health": {
            "type": "object",
            "required": [
              "status",
              "database"
            ],
            "properties": {
              "status": {
                "type": "string",
                "const": "ok"
              },
              "database": {
                "type": "string",
                "enum": [
                  "sqlite",
                  "postgres"
                ]
              }
            },
            "examples": [
              {
                "status": "ok",
                "database": "postgres"
              }
            ]
          },
          "User": {
            "type": "object",
            "description": "A staff member.",
            "required": [
              "id",
              "email",
              "name",
              "role",
              "group_ids"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1
              },
              "email": {
                "type": "string",
                "format": "email"
              },
              "name": {
                "type": "string"
              },
              "role": {
                "$ref": "#/components/schemas/Role"
              },
              "group_ids": {
                "type": "array",
                "items": {
                  "type": "integer",
                  "format": "int64",
                  "minimum": 1
                },
                "description": "The groups the user belongs to, ascending."
              }
            },
            "examples": [
              {
                "id": 7,
                "email": "omar@raaya.example",
                "name": "Omar Haddad",
                "role": "agent",
                "group_ids": [
                  3
                ]
              }
            ]
          },
          "Group": {
            "type": "object",
            "description": "A team tickets can be routed to.",
            "required": [
              "id",
              "name",
              "tier"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1
              },
              "name": {
                "type": "string"
              },
              "tier": {
                "type": "integer",
                "minimum": 1,
                "maximum": 9,
                "description": "Support tier, 1 is the first line."
              }
            },
            "examples": [
              {
                "id": 3,
                "name": "الفوترة",
                "tier": 1
              }
            ]
          },
          "LoginRequest": {
            "type": "object",
            "required": [
              "email",
              "password"
            ],
            "properties": {
              "email": {
                "type": "string",
                "format": "email"
              },
              "password": {
                "type": "string",
                "format": "password"
              }
            },
            "examples": [
              {
                "email": "omar@raaya.example",
                "password": "correct horse battery"
              }
            ]
          },
          "LoginResponse": {
            "type": "object",
            "required": [
              "token",
              "expires_at",
              "user"
            ],
            "properties": {
              "token": {
                "type": "string",
                "description": "Send as `Authorization: Bearer <token>`. Valid for 30 days."
              },
              "expires_at": {
                "type": "string",
                "format": "date-time",
                "description": "When the token stops working."
              },
              "user": {
                "$ref": "#/components/schemas/User"
              }
            }
          },
          "CreateUserRequest": {
            "type": "object",
            "required": [
              "email",
              "name",
              "password",
              "role"
            ],
            "properties": {
              "email": {
                "type": "string",
                "format": "email",
                "description": "Unique among users, compared lower-cased."
              },
              "name": {
                "type": "string",
                "minLength": 1,
                "maxLength": 200
              },
              "password": {
                "type": "string",
                "format": "password",
                "minLength": 8
              },
              "role": {
                "$ref": "#/components/schemas/Role"
              },
              "group_ids": {
                "type": "array",
                "items": {
                  "type": "integer",
                  "format": "int64",
                  "minimum": 1
                },
                "description": "Groups to join; each must exist."
              }
            },
            "examples": [
              {
                "email": "layla@raaya.example",
                "name": "ليلى منصور",
                "password": "a long passphrase",
                "role": "agent",
                "group_ids": [
                  3
                ]
              }
            ]
          },
          "CreateGroupRequest": {
            "type": "object",
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "type": "string",
                "minLength": 1,
                "maxLength": 200,
                "description": "Unique among groups."
              },
              "tier": {
                "type": "integer",
                "minimum": 1,
                "maximum": 9,
                "default": 1
              }
            },
            "examples": [
              {
                "name": "الدعم الفني",
                "tier": 2
              }
            ]
          },
          "Customer": {
            "type": "object",
            "description": "A customer, recognised across channels by any of their email addresses and phone numbers.",
            "required": [
              "id",
              "name",
              "email",
              "phone",
              "emails",
              "phones",
              "organization",
              "language",
              "created_at"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1
              },
              "name": {
                "type": "string",
                "description": "The name given, else the part of the email before @, else the phone."
              },
              "email": {
                "type": [
                  "string",
                  "null"
                ],
                "format": "email",
                "description": "The first known email address."
              },
              "phone": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "The first known phone number, `+` and digits."
              },
              "emails": {
                "type": "array",
                "items": {
                  "type": "string",
                  "format": "email"
                },
                "description": "Every email address the customer is known by."
              },
              "phones": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Every phone number the customer is known by."
              },
              "organization": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "language": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "`ar` or `en`, optionally with a region (`ar-sa`)."
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              }
            },
            "examples": [
              {
                "id": 42,
                "name": "سارة العتيبي",
                "email": "sara@example.sa",
                "phone": "+966501234567",
                "emails": [
                  "sara@example.sa"
                ],
                "phones": [
                  "+966501234567"
                ],
                "organization": "شركة النخبة للتجارة",
                "language": "ar",
                "created_at": "2025-03-02T08:15:30.120Z"
              }
            ]
          },
          "CustomerNote": {
            "type": "object",
            "description": "A note the team keeps on a customer; customers never see it.",
            "required": [
              "id",
              "body",
              "author_id",
              "created_at"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1
              },
              "body": {
                "type": "string"
              },
              "author_id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "description": "The user who wrote the note."
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              }
            },
            "examples": [
              {
                "id": 15,
                "body": "تفضّل العميلة التواصل باللغة العربية وعبر البريد الإلكتروني.",
                "author_id": 7,
                "created_at": "2025-03-02T09:05:00.000Z"
              }
            ]
          },
          "CustomerDetail": {
            "description": "A customer with their history: the fields of Customer, plus up to 100 tickets the caller may see (every channel, most recent activity first) and the team's notes (newest first).",
            "allOf": [
              {
                "$ref": "#/components/schemas/Customer"
              },
              {
                "type": "object",
                "required": [
                  "tickets",
                  "notes"
                ],
                "properties": {
                  "tickets": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Ticket"
                    }
                  },
                  "notes": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/CustomerNote"
                    }
                  }
                }
              }
            ]
          },
          "TicketPerson": {
            "type": "object",
            "description": "The staff member a ticket is assigned to.",
            "required": [
              "id",
              "name"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1
              },
              "name": {
                "type": "string"
              },
              "email": {
                "type": "string",
                "format": "email",
                "description": "Left out when unknown."
              }
            }
          },
          "Ticket": {
            "type": "object",
            "description": "A customer's request and its state. Every field is present; absent values are null.",
            "required": [
              "id",
              "subject",
              "status",
              "priority",
              "channel",
              "customer",
              "assignee",
              "group",
              "tags",
              "created_at",
              "updated_at",
              "first_response_at",
              "solved_at",
              "reopen_count",
              "follow_up_of",
              "merged_into"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1
              },
              "subject": {
                "type": "string"
              },
              "status": {
                "$ref": "#/components/schemas/TicketStatus"
              },
              "priority": {
                "$ref": "#/components/schemas/TicketPriority"
              },
              "channel": {
                "$ref": "#/components/schemas/Channel"
              },
              "customer": {
                "$ref": "#/components/schemas/Customer"
              },
              "assignee": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/TicketPerson"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "group": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/Group"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "tags": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Lower-cased, sorted; may be Arabic."
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time",
                "description": "The last activity; lists are ordered by it."
              },
              "first_response_at": {
                "type": [
                  "string",
                  "null"
                ],
                "format": "date-time",
                "description": "The first public agent reply."
              },
              "solved_at": {
                "type": [
                  "string",
                  "null"
                ],
                "format": "date-time",
                "description": "The last time the ticket was solved."
              },
              "reopen_count": {
                "type": "integer",
                "minimum": 0
              },
              "follow_up_of": {
                "type": [
                  "integer",
                  "null"
                ],
                "format": "int64",
                "minimum": 1,
                "description": "The closed ticket this one follows up."
              },
              "merged_into": {
                "type": [
                  "integer",
                  "null"
                ],
                "format": "int64",
                "minimum": 1,
                "description": "The ticket this one was merged into; it is then closed."
              }
            },
            "examples": [
              {
                "id": 1207,
                "subject": "استفسار عن الفاتورة",
                "status": "open",
                "priority": "normal",
                "channel": "email",
                "customer": {
                  "id": 42,
                  "name": "سارة العتيبي",
                  "email": "sara@example.sa",
                  "phone": "+966501234567",
                  "emails": [
                    "sara@example.sa"
                  ],
                  "phones": [
                    "+966501234567"
                  ],
                  "organization": "شركة النخبة للتجارة",
                  "language": "ar",
                  "created_at": "2025-03-02T08:15:30.120Z"
                },
                "assignee": {
                  "id": 7,
                  "name": "Omar Haddad",
                  "email": "omar@raaya.example"
                },
                "group": {
                  "id": 3,
                  "name": "الفوترة",
                  "tier": 1
                },
                "tags": [
                  "فاتورة",
                  "billing"
                ],
                "created_at": "2025-03-02T08:15:30.120Z",
                "updated_at": "2025-03-02T09:02:11.584Z",
                "first_response_at": "2025-03-02T09:02:11.584Z",
                "solved_at": null,
                "reopen_count": 0,
                "follow_up_of": null,
                "merged_into": null
              }
            ]
          },
          "Message": {
            "type": "object",
            "description": "A message on a ticket: public, or an internal note for the team.",
            "required": [
              "id",
              "ticket_id",
              "author",
              "body",
              "internal",
              "channel",
              "created_at",
              "attachments"
            ],
            "properties": {
              "attachments": {
                "type": "array",
                "description": "Files that came with the message (for email: its attachments and inline images).",
                "items": {
                  "$ref": "#/components/schemas/Attachment"
                }
              },
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1
              },
              "ticket_id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "description": "The ticket the message is on. A customer message on a closed ticket lands on a new follow-up ticket, whose id is given here."
              },
              "author": {
                "$ref": "#/components/schemas/AuthorKind"
              },
              "author_id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "description": "The user (for an agent) or the customer (for a customer); left out for bot and system messages."
              },
              "body": {
                "type": "string"
              },
              "internal": {
                "type": "boolean",
                "description": "An internal note, never shown to the customer."
              },
              "channel": {
                "$ref": "#/components/schemas/Channel"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "folded": {
                "type": [
                  "object",
                  "null"
                ],
                "description": "A customer's mail split for a conversation view: what they newly wrote, and the quoted conversation and signature to fold away. Absent when nothing is quoted.",
                "required": [
                  "reply",
                  "quoted"
                ],
                "properties": {
                  "reply": {
                    "type": "string"
                  },
                  "quoted": {
                    "type": "string"
                  }
                }
              },
              "html": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "For a message that came as HTML mail: its HTML, sanitized with an allow-list (no scripts, event handlers, javascript: links or remote content loaders). `body` is the plain text."
              }
            },
            "examples": [
              {
                "id": 5531,
                "ticket_id": 1207,
                "author": "agent",
                "author_id": 7,
                "body": "مرحبًا سارة، راجعنا الفاتورة وسنرسل لك نسخة مصححة اليوم.",
                "internal": false,
                "channel": "email",
                "created_at": "2025-03-02T09:02:11.584Z"
              }
            ]
          },
          "Event": {
            "type": "object",
            "description": "One entry of a ticket's audit trail.",
            "required": [
              "id",
              "ticket_id",
              "kind",
              "data",
              "created_at"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1
              },
              "ticket_id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1
              },
              "kind": {
                "$ref": "#/components/schemas/EventKind"
              },
              "actor_id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "description": "The user who acted; left out when the system did."
              },
              "data": {
                "type": "object",
                "description": "Details of the event as strings, e.g. `from` and `to` for a status change.",
                "additionalProperties": {
                  "type": "string"
                }
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              }
            },
            "examples": [
              {
                "id": 9120,
                "ticket_id": 1207,
                "kind": "status_changed",
                "actor_id": 7,
                "data": {
                  "from": "new",
                  "to": "open"
                },
                "created_at": "2025-03-02T09:02:11.584Z"
              }
            ]
          },
          "CustomerReference": {
            "type": "object",
            "description": "Who a ticket is from: an existing customer by `id`, or by `email`/`phone`, which finds the customer with that identity or creates one (adding an identity the customer did not have yet). At least one of id, email or phone is needed.",
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "description": "An existing customer."
              },
              "email": {
                "type": "string",
                "format": "email"
              },
              "phone": {
                "type": "string",
                "description": "6 to 15 digits, optionally with a leading `+`; spaces, dashes, dots, brackets and Arabic-Indic digits are accepted."
              },
              "name": {
                "type": "string",
                "maxLength": 200,
                "description": "Used when a new customer is created."
              }
            }
          },
          "CreateTicketRequest": {
            "type": "object",
            "required": [
              "subject",
              "body",
              "channel",
              "customer"
            ],
            "properties": {
              "subject": {
                "type": "string",
                "minLength": 1,
                "maxLength": 250
              },
              "body": {
                "type": "string",
                "minLength": 1,
                "description": "The customer's first message; at most 256 KiB of UTF-8."
              },
              "channel": {
                "$ref": "#/components/schemas/Channel"
              },
              "priority": {
                "$ref": "#/components/schemas/TicketPriority",
                "default": "normal"
              },
              "customer": {
                "$ref": "#/components/schemas/CustomerReference"
              },
              "group_id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "description": "A group that exists."
              },
              "assignee_id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "description": "A user who exists."
              },
              "tags": {
                "type": "array",
                "maxItems": 50,
                "items": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 64,
                  "description": "One word; stored lower-cased and trimmed."
                },
                "description": "At most 50 tags, each one word of 1 to 64 characters; duplicates are dropped."
              }
            },
            "examples": [
              {
                "subject": "استفسار عن الفاتورة",
                "body": "السلام عليكم، وصلتني فاتورة شهر فبراير بمبلغ أعلى من المعتاد. أرجو التوضيح.",
                "channel": "email",
                "priority": "normal",
                "customer": {
                  "email": "sara@example.sa",
                  "name": "سارة العتيبي"
                },
                "group_id": 3,
                "tags": [
                  "فاتورة"
                ]
              }
            ]
          },
          "UpdateTicketRequest": {
            "type": "object",
            "description": "A partial update: a key left out leaves its field alone. `assignee_id` and `group_id` may be null to clear them. `tags` replaces the whole set. A closed ticket cannot change.",
            "properties": {
              "status": {
                "$ref": "#/components/schemas/TicketStatus"
              },
              "priority": {
                "$ref": "#/components/schemas/TicketPriority"
              },
              "assignee_id": {
                "type": [
                  "integer",
                  "null"
                ],
                "format": "int64",
                "minimum": 1,
                "description": "A user who exists, or null to unassign."
              },
              "group_id": {
                "type": [
                  "integer",
                  "null"
                ],
                "format": "int64",
                "minimum": 1,
                "description": "A group that exists, or null to remove the group."
              },
              "tags": {
                "type": "array",
                "maxItems": 50,
                "items": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 64,
                  "description": "One word; stored lower-cased and trimmed."
                },
                "description": "At most 50 tags, each one word of 1 to 64 characters; duplicates are dropped."
              }
            },
            "examples": [
              {
                "status": "pending",
                "assignee_id": 7,
                "group_id": null,
                "tags": [
                  "فاتورة",
                  "vip"
                ]
              }
            ]
          },
          "CreateMessageRequest": {
            "type": "object",
            "description": "A message on a ticket. A public agent reply on a new ticket opens it and may set the first response; a customer message reopens a solved ticket, returns a pending one to open, and on a closed ticket starts a follow-up ticket.",
            "required": [
              "body"
            ],
            "properties": {
              "body": {
                "type": "string",
                "minLength": 1,
                "description": "At most 256 KiB of UTF-8; kept as written."
              },
              "internal": {
                "type": "boolean",
                "default": false,
                "description": "An internal note for the team; only agents write them."
              },
              "author": {
                "type": "string",
                "enum": [
                  "agent",
                  "customer"
                ],
                "default": "agent",
                "description": "`customer` records a message the customer sent through another system."
              },
              "channel": {
                "$ref": "#/components/schemas/Channel",
                "description": "Defaults to the ticket's channel."
              }
            },
            "examples": [
              {
                "body": "مرحبًا سارة، راجعنا الفاتورة وسنرسل لك نسخة مصححة اليوم.",
                "internal": false
              }
            ]
          },
          "MergeRequest": {
            "type": "object",
            "required": [
              "into"
            ],
            "properties": {
              "into": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "description": "Another ticket the caller can see, not closed."
              }
            },
            "examples": [
              {
                "into": 1190
              }
            ]
          },
          "DraftReply": {
            "type": "object",
            "required": [
              "draft",
              "articles"
            ],
            "properties": {
              "draft": {
                "type": "string",
                "description": "Plain text for the reply box, in the customer's language."
              },
              "articles": {
                "type": "array",
                "description": "Ids of the articles it was written from, best match first.",
                "items": {
                  "type": "integer"
                }
              }
            },
            "examples": [
              {
                "draft": "مرحبًا نورة، يمكنك تتبع طلبك من صفحة طلباتي برقم التتبع المرسل إليك في رسالة الشحن.",
                "articles": [
                  12,
                  31
                ]
              }
            ]
          },
          "CreateCustomerRequest": {
            "type": "object",
            "description": "A name, an email or a phone is needed. An email or phone already known to another customer is a 409 naming that customer.",
            "properties": {
              "name": {
                "type": "string",
                "maxLength": 200
              },
              "email": {
                "type": "string",
                "format": "email"
              },
              "phone": {
                "type": "string",
                "description": "6 to 15 digits, optionally with a leading `+`; Arabic-Indic digits are accepted."
              },
              "organization": {
                "type": "string",
                "maxLength": 200,
                "description": "Created if no organization has this name."
              },
              "language": {
                "type": "string",
                "description": "`ar` or `en`, optionally with a region (`ar-SA`); stored lower-cased."
              }
            },
            "examples": [
              {
                "name": "سارة العتيبي",
                "email": "sara@example.sa",
                "phone": "+966 50 123 4567",
                "organization": "شركة النخبة للتجارة",
                "language": "ar"
              }
            ]
          },
          "CreateNoteRequest": {
            "type": "object",
            "required": [
              "body"
            ],
            "properties": {
              "body": {
                "type": "string",
                "minLength": 1,
                "description": "At most 256 KiB of UTF-8."
              }
            },
            "examples": [
              {
                "body": "تفضّل العميلة التواصل باللغة العربية وعبر البريد الإلكتروني."
              }
            ]
          },
          "SearchResponse": {
            "type": "object",
            "description": "Best matches first, at most `limit` of each.",
            "required": [
              "tickets",
              "customers"
            ],
            "properties": {
              "tickets": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Ticket"
                }
              },
              "customers": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Customer"
                }
              }
            }
          },
          "TicketPage": {
            "type": "object",
            "description": "A page of Ticket records. Ordered by latest activity, newest first.",
            "required": [
              "data",
              "next_cursor"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Ticket"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Pass as `cursor` to get the next page; null on the last page."
              }
            }
          },
          "CustomerPage": {
            "type": "object",
            "description": "A page of Customer records. Newest first; search results (`q`) come in one page.",
            "required": [
              "data",
              "next_cursor"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Customer"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Pass as `cursor` to get the next page; null on the last page."
              }
            }
          },
          "UserPage": {
            "type": "object",
            "description": "A page of User records. The whole list comes in one page, so `next_cursor` is null.",
            "required": [
              "data",
              "next_cursor"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/User"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Pass as `cursor` to get the next page; null on the last page."
              }
            }
          },
          "GroupPage": {
            "type": "object",
            "description": "A page of Group records. The whole list comes in one page, so `next_cursor` is null.",
            "required": [
              "data",
              "next_cursor"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Group"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Pass as `cursor` to get the next page; null on the last page."
              }
            }
          },
          "MessagePage": {
            "type": "object",
            "description": "A page of Message records. The whole list comes in one page, so `next_cursor` is null. Oldest first.",
            "required": [
              "data",
              "next_cursor"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Message"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Pass as `cursor` to get the next page; null on the last page."
              }
            }
          },
          "EventPage": {
            "type": "object",
            "description": "A page of Event records. The whole list comes in one page, so `next_cursor` is null. Oldest first.",
            "required": [
              "data",
              "next_cursor"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Event"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Pass as `cursor` to get the next page; null on the last page."
              }
            }
          },
          "BusinessCalendarInput": {
            "type": "object",
            "required": [
              "name",
              "time_zone"
            ],
            "properties": {
              "name": {
                "type": "string",
                "example": "الرياض — Riyadh office"
              },
              "time_zone": {
                "type": "string",
                "example": "Asia/Riyadh"
              },
              "hours": {
                "type": "object",
                "description": "Keys sun, mon, tue, wed, thu, fri, sat; at most 4 intervals a day.",
                "additionalProperties": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "start",
                      "end"
                    ],
                    "properties": {
                      "start": {
                        "type": "string",
                        "example": "09:00"
                      },
                      "end": {
                        "type": "string",
                        "example": "17:00",
                        "description": "Exclusive; 24:00 for midnight."
                      }
                    }
                  }
                }
              },
              "holidays": {
                "type": "array",
                "items": {
                  "type": "string",
                  "format": "date"
                },
                "example": [
                  "2026-12-02"
                ]
              }
            }
          },
          "BusinessCalendar": {
            "type": "object",
            "required": [
              "id",
              "name",
              "time_zone",
              "hours",
              "holidays",
              "created_at",
              "updated_at"
            ],
            "properties": {
              "id": {
                "type": "integer"
              },
              "name": {
                "type": "string"
              },
              "time_zone": {
                "type": "string"
              },
              "hours": {
                "type": "object",
                "description": "Keys sun, mon, tue, wed, thu, fri, sat; at most 4 intervals a day.",
                "additionalProperties": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "start",
                      "end"
                    ],
                    "properties": {
                      "start": {
                        "type": "string",
                        "example": "09:00"
                      },
                      "end": {
                        "type": "string",
                        "example": "17:00",
                        "description": "Exclusive; 24:00 for midnight."
                      }
                    }
                  }
                }
              },
              "holidays": {
                "type": "array",
                "items": {
                  "type": "string",
                  "format": "date"
                }
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time"
              }
            }
          },
          "ChatSettingsInput": {
            "type": "object",
            "properties": {
              "enabled": {
                "type": "boolean"
              },
              "calendar_id": {
                "type": [
                  "integer",
                  "null"
                ]
              },
              "group_id": {
                "type": [
                  "integer",
                  "null"
                ],
                "description": "The group new chats go to."
              },
              "wait_alert_seconds": {
                "type": "integer",
                "minimum": 10,
                "maximum": 3600
              }
            }
          },
          "ChatSettings": {
            "type": "object",
            "required": [
              "enabled",
              "wait_alert_seconds",
              "available",
              "agents_online"
            ],
            "properties": {
              "enabled": {
                "type": "boolean"
              },
              "calendar_id": {
                "type": [
                  "integer",
                  "null"
                ]
              },
              "group_id": {
                "type": [
                  "integer",
                  "null"
                ]
              },
              "wait_alert_seconds": {
                "type": "integer"
              },
              "available": {
                "type": "boolean"
              },
              "reason": {
                "type": [
                  "string",
                  "null"
                ],
                "enum": [
                  "disabled",
                  "closed",
                  "no_agents",
                  null
                ]
              },
              "agents_online": {
                "type": "integer"
              }
            }
          },
          "WaitingChat": {
            "type": "object",
            "required": [
              "ticket_id",
              "subject",
              "customer_name",
              "status",
              "waiting_since",
              "overdue"
            ],
            "properties": {
              "ticket_id": {
                "type": "integer"
              },
              "subject": {
                "type": "string"
              },
              "customer_name": {
                "type": "string"
              },
              "status": {
                "type": "string"
              },
              "group_id": {
                "type": [
                  "integer",
                  "null"
                ]
              },
              "assignee_id": {
                "type": [
                  "integer",
                  "null"
                ]
              },
              "waiting_since": {
                "type": "string",
                "format": "date-time"
              },
              "overdue": {
                "type": "boolean"
              }
            }
          },
          "InboundMailRecord": {
            "type": "object",
            "required": [
              "id",
              "outcome",
              "size",
              "received_at"
            ],
            "properties": {
              "id": {
                "type": "integer"
              },
              "mailbox_id": {
                "type": [
                  "integer",
                  "null"
                ]
              },
              "message_id": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "sender": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "outcome": {
                "type": "string",
                "enum": [
                  "opened",
                  "added",
                  "duplicate",
                  "ignored",
                  "kept"
                ]
              },
              "reason": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "ticket_id": {
                "type": [
                  "integer",
                  "null"
                ]
              },
              "size": {
                "type": "integer",
                "description": "Bytes of the raw message."
              },
              "received_at": {
                "type": "string",
                "format": "date-time"
              }
            }
          },
          "UpdateUserRequest": {
            "type": "object",
            "description": "Fields left out stay as they are.",
            "properties": {
              "name": {
                "type": "string"
              },
              "role": {
                "type": "string",
                "enum": [
                  "admin",
                  "supervisor",
                  "agent"
                ]
              },
              "group_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                },
                "description": "Replaces the user's groups."
              }
            }
          },
          "UpdateGroupRequest": {
            "type": "object",
            "description": "Fields left out stay as they are.",
            "properties": {
              "name": {
                "type": "string"
              },
              "tier": {
                "type": "integer",
                "minimum": 1,
                "maximum": 9
              }
            }
          },
          "Macro": {
            "type": "object",
            "required": [
              "id",
              "title",
              "body",
              "internal",
              "set_status",
              "add_tags"
            ],
            "properties": {
              "id": {
                "type": "integer"
              },
              "title": {
                "type": "string"
              },
              "body": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Placeholders: {{customer.name}}, {{customer.email}}, {{ticket.id}}, {{ticket.subject}}, {{agent.name}}."
              },
              "internal": {
                "type": "boolean",
                "description": "Posted as an internal note instead of a public reply."
              },
              "set_status": {
                "type": [
                  "string",
                  "null"
                ],
                "enum": [
                  "open",
                  "pending",
                  "on_hold",
                  "solved",
                  null
                ]
              },
              "add_tags": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            }
          },
          "MacroInput": {
            "type": "object",
            "description": "On create `title` is required, and at least one of `body`, `set_status`, `add_tags`. On change, fields left out stay; an empty `body` or `set_status` clears it.",
            "properties": {
              "title": {
                "type": "string"
              },
              "body": {
                "type": "string"
              },
              "internal": {
                "type": "boolean"
              },
              "set_status": {
                "type": "string"
              },
              "add_tags": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            }
          },
          "MacroPage": {
            "type": "object",
            "required": [
              "data",
              "next_cursor"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Macro"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "Branding": {
            "type": "object",
            "properties": {
              "name_ar": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "name_en": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "accent_color": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "#rrggbb"
              },
              "logo_url": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "BrandingInput": {
            "type": "object",
            "description": "Replaces the names and colour (absent or empty clears); the logo stays.",
            "properties": {
              "name_ar": {
                "type": "string"
              },
              "name_en": {
                "type": "string"
              },
              "accent_color": {
                "type": "string",
                "description": "#rrggbb or #rgb"
              }
            }
          },
          "Languages": {
            "type": "object",
            "required": [
              "offered",
              "default"
            ],
            "properties": {
              "offered": {
                "type": "array",
                "items": {
                  "type": "string",
                  "enum": [
                    "ar",
                    "en"
                  ]
                },
                "minItems": 1
              },
              "default": {
                "type": "string",
                "enum": [
                  "ar",
                  "en"
                ],
                "description": "One of `offered`."
              }
            }
          },
          "UpdateCustomerRequest": {
            "type": "object",
            "description": "Fields left out stay as they are; an empty `organization` or `language` clears it.",
            "properties": {
              "name": {
                "type": "string"
              },
              "organization": {
                "type": "string"
              },
              "language": {
                "type": "string",
                "description": "ar or en, optionally with a region"
              },
              "add_email": {
                "type": "string",
                "description": "Adds an email (409 with `existing_id` if another customer has it)."
              },
              "add_phone": {
                "type": "string"
              }
            }
          },
          "KnowledgeCategory": {
            "type": "object",
            "required": [
              "id",
              "name_ar",
              "name_en",
              "position"
            ],
            "properties": {
              "id": {
                "type": "integer"
              },
              "name_ar": {
                "type": "string"
              },
              "name_en": {
                "type": "string"
              },
              "position": {
                "type": "integer"
              }
            }
          },
          "KnowledgeCategoryInput": {
            "type": "object",
            "required": [
              "name_ar",
              "name_en"
            ],
            "properties": {
              "name_ar": {
                "type": "string"
              },
              "name_en": {
                "type": "string"
              },
              "position": {
                "type": "integer"
              }
            }
          },
          "KnowledgeCategoryPage": {
            "type": "object",
            "required": [
              "data",
              "next_cursor"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/KnowledgeCategory"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "Article": {
            "type": "object",
            "required": [
              "id",
              "category_id",
              "state",
              "tags",
              "related",
              "translations",
              "helpful",
              "not_helpful",
              "created_at",
              "updated_at"
            ],
            "properties": {
              "id": {
                "type": "integer"
              },
              "category_id": {
                "type": [
                  "integer",
                  "null"
                ]
              },
              "state": {
                "type": "string",
                "enum": [
                  "draft",
                  "published",
                  "internal"
                ]
              },
              "tags": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "related": {
                "type": "array",
                "items": {
                  "type": "integer"
                }
              },
              "translations": {
                "type": "object",
                "description": "By language: ar, en.",
                "additionalProperties": {
                  "type": "object",
                  "required": [
                    "title",
                    "body",
                    "html"
                  ],
                  "properties": {
                    "title": {
                      "type": "string"
                    },
                    "body": {
                      "type": "string",
                      "description": "Markdown as written."
                    },
                    "html": {
                      "type": "string",
                      "description": "The body rendered (a safe subset of Markdown)."
                    }
                  }
                }
              },
              "helpful": {
                "type": "integer"
              },
              "not_helpful": {
                "type": "integer"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time"
              }
            }
          },
          "ArticleInput": {
            "type": "object",
            "description": "On a change, fields left out stay; the translations given replace those languages.",
            "properties": {
              "category_id": {
                "type": "integer"
              },
              "state": {
                "type": "string",
                "enum": [
                  "draft",
                  "published",
                  "internal"
                ]
              },
              "tags": {
                "type": "array",
                "description": "Words or phrases customers ask with (\"where is my order\", \"وين وصل الطلب\"), up to 50 of 64 characters each, without commas; stored lower-cased, trimmed, inner spaces made one.",
                "items": {
                  "type": "string"
                }
              },
              "related": {
                "type": "array",
                "items": {
                  "type": "integer"
                }
              },
              "translations": {
                "type": "object",
                "additionalProperties": {
                  "type": "object",
                  "required": [
                    "title",
                    "body"
                  ],
                  "properties": {
                    "title": {
                      "type": "string"
                    },
                    "body": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "ArticlePage": {
            "type": "object",
            "required": [
              "data",
              "next_cursor"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Article"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "KnowledgeSearchResult": {
            "type": "object",
            "required": [
              "data",
              "confidence"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "article",
                    "score",
                    "relevance",
                    "language"
                  ],
                  "properties": {
                    "article": {
                      "$ref": "#/components/schemas/Article"
                    },
                    "score": {
                      "type": "number"
                    },
                    "relevance": {
                      "type": "number"
                    },
                    "language": {
                      "type": "string"
                    }
                  }
                }
              },
              "confidence": {
                "type": "number",
                "description": "How sure the best match is, 0–1."
              }
            }
          },
          "KnowledgeSynonyms": {
            "type": "object",
            "required": [
              "groups"
            ],
            "properties": {
              "groups": {
                "type": "array",
                "description": "Groups of two or more words or phrases, any language, searched as one.",
                "items": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  },
                  "minItems": 2
                }
              }
            }
          },
          "EscalationSettings": {
            "type": "object",
            "properties": {
              "raise_priority_on_negative": {
                "type": "boolean",
                "description": "A strongly negative customer message (sentiment score ≤ −0.6) raises a low or normal ticket to high, recorded as priority_changed with reason sentiment."
              }
            }
          },
          "SurveyKind": {
            "type": "string",
            "description": "`csat`: customer satisfaction, 1–5 (5 = very satisfied); `nps`: net promoter score, 0–10 (how likely to recommend us); `ces`: customer effort score, 1–7.",
            "enum": [
              "csat",
              "nps",
              "ces"
            ]
          },
          "EffortDirection": {
            "type": "string",
            "description": "Which end of the CES scale is easy as the question is worded: `low_is_easy` (1 = very easy, the default) or `high_is_easy` (7 = very easy). Reports turn every CES answer to 1 = very easy. Only CES surveys may be `high_is_easy`.",
            "enum": [
              "low_is_easy",
              "high_is_easy"
            ]
          },
          "Survey": {
            "type": "object",
            "required": [
              "id",
              "kind",
              "name",
              "enabled",
              "questions",
              "direction",
              "on_solve",
              "delay_minutes",
              "throttle_days",
              "include_self_service",
              "include_merged"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64"
              },
              "kind": {
                "$ref": "#/components/schemas/SurveyKind"
              },
              "name": {
                "type": "string",
                "examples": [
                  "رضا العملاء بعد الحل"
                ]
              },
              "enabled": {
                "type": "boolean",
                "description": "A survey switched off sends nothing, and skips what it had already scheduled."
              },
              "questions": {
                "type": "object",
                "description": "The question in each language; the customer gets their language's (both when it is unknown).",
                "required": [
                  "ar",
                  "en"
                ],
                "properties": {
                  "ar": {
                    "type": "string",
                    "examples": [
                      "ما مدى رضاك عن المساعدة التي تلقيتها؟"
                    ]
                  },
                  "en": {
                    "type": "string",
                    "examples": [
                      "How satisfied are you with the help you received?"
                    ]
                  }
                }
              },
              "direction": {
                "$ref": "#/components/schemas/EffortDirection"
              },
              "on_solve": {
                "type": "boolean",
                "description": "Sent when a ticket is solved (CSAT and CES). NPS is never: it goes out by campaign."
              },
              "delay_minutes": {
                "type": "integer",
                "minimum": 0,
                "maximum": 43200,
                "description": "How long after the ticket is solved the survey is sent. Whether it goes out is decided then: a ticket no longer solved or closed is skipped."
              },
              "throttle_days": {
                "type": "integer",
                "minimum": 0,
                "maximum": 365,
                "description": "No customer gets a survey of this kind twice within this many days."
              },
              "include_self_service": {
                "type": "boolean",
                "description": "Whether tickets solved by the chat bot or a suggested article are surveyed too."
              },
              "include_merged": {
                "type": "boolean",
                "description": "Whether tickets merged into another are surveyed."
              }
            }
          },
          "SurveyInput": {
            "type": "object",
            "description": "On create `kind` is required and the rest have defaults (see `POST /api/v1/surveys`). On change, fields left out keep their value and `kind` cannot change.",
            "properties": {
              "kind": {
                "$ref": "#/components/schemas/SurveyKind"
              },
              "name": {
                "type": "string",
                "minLength": 1,
                "maxLength": 200,
                "description": "Default: the kind in capitals (`CSAT`)."
              },
              "enabled": {
                "type": "boolean",
                "default": true
              },
              "questions": {
                "type": "object",
                "description": "The wording per language, `ar` and/or `en` (any other key is a 422); a language left out keeps its wording (on create, the standard one).",
                "properties": {
                  "ar": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 500
                  },
                  "en": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 500
                  }
                }
              },
              "direction": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/EffortDirection"
                  }
                ],
                "default": "low_is_easy"
              },
              "on_solve": {
                "type": "boolean",
                "description": "Default: true for CSAT and CES, false for NPS (which may not be true)."
              },
              "delay_minutes": {
                "type": "integer",
                "minimum": 0,
                "maximum": 43200,
                "default": 60
              },
              "throttle_days": {
                "type": "integer",
                "minimum": 0,
                "maximum": 365,
                "default": 7
              },
              "include_self_service": {
                "type": "boolean",
                "default": false
              },
              "include_merged": {
                "type": "boolean",
                "default": false
              }
            }
          },
          "SurveyPage": {
            "type": "object",
            "required": [
              "data",
              "next_cursor"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Survey"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "SurveyResponse": {
            "type": "object",
            "description": "A customer's answer to one invitation (one per invitation; the customer may change it for 24 hours after first answering). Optional fields are left out when they have no value.",
            "required": [
              "id",
              "invitation_id",
              "kind",
              "score",
              "customer_id",
              "answered_at",
              "updated_at"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64"
              },
              "invitation_id": {
                "type": "integer",
                "format": "int64"
              },
              "kind": {
                "$ref": "#/components/schemas/SurveyKind"
              },
              "score": {
                "type": "integer",
                "minimum": 0,
                "maximum": 10,
                "description": "As the customer gave it, on the survey's scale (for a `high_is_easy` CES survey, 7 = very easy)."
              },
              "comment": {
                "type": "string",
                "examples": [
                  "التوصيل متأخر ثلاثة أيام ولم يرد أحد على اتصالي"
                ]
              },
              "comment_sentiment": {
                "type": "string",
                "enum": [
                  "negative",
                  "neutral",
                  "positive"
                ],
                "description": "The comment's sentiment, from the same model as messages."
              },
              "comment_sentiment_score": {
                "type": "number",
                "minimum": -1,
                "maximum": 1
              },
              "ticket_id": {
                "type": "integer",
                "format": "int64",
                "description": "The ticket the survey was sent for."
              },
              "customer_id": {
                "type": "integer",
                "format": "int64"
              },
              "agent_id": {
                "type": "integer",
                "format": "int64",
                "description": "The ticket's assignee when the answer was first given."
              },
              "group_id": {
                "type": "integer",
                "format": "int64",
                "description": "The ticket's group when the answer was first given."
              },
              "channel": {
                "$ref": "#/components/schemas/Channel"
              },
              "answered_at": {
                "type": "string",
                "format": "date-time",
                "description": "When the answer was first given."
              },
              "updated_at": {
                "type": "string",
                "format": "date-time",
                "description": "When it was last changed."
              }
            }
          },
          "SurveyResponsePage": {
            "type": "object",
            "required": [
              "data",
              "next_cursor"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/SurveyResponse"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "SurveyCampaignInput": {
            "type": "object",
            "description": "The segment: customers with an email address matching every criterion given.",
            "properties": {
              "organization": {
                "type": "string",
                "description": "Customers of the organization with this name.",
                "examples": [
                  "شركة النخبة للتجارة"
                ]
              },
              "tag": {
                "type": "string",
                "maxLength": 64,
                "description": "Customers with a ticket carrying this tag.",
                "examples": [
                  "جملة"
                ]
              },
              "contacted_after": {
                "type": "string",
                "description": "Customers whose latest ticket activity is at or after this: a day (`2025-01-01`, midnight UTC) or an RFC 3339 time."
              },
              "contacted_before": {
                "type": "string",
                "description": "… and before this; must be after `contacted_after`."
              },
              "every_days": {
                "type": "integer",
                "minimum": 1,
                "maximum": 366,
                "description": "Runs again this many days after each run; left out, the campaign runs once."
              }
            }
          },
          "SurveyCampaign": {
            "type": "object",
            "description": "Criteria that were not given, and `next_run_at` of a campaign that has run for the last time, are left out.",
            "required": [
              "id",
              "survey_id",
              "invited"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64"
              },
              "survey_id": {
                "type": "integer",
                "format": "int64"
              },
              "organization_id": {
                "type": "integer",
                "format": "int64"
              },
              "tag": {
                "type": "string"
              },
              "contacted_after": {
                "type": "string",
                "format": "date-time"
              },
              "contacted_before": {
                "type": "string",
                "format": "date-time"
              },
              "every_days": {
                "type": "integer",
                "minimum": 1,
                "maximum": 366
              },
              "next_run_at": {
                "type": "string",
                "format": "date-time",
                "description": "When it runs next."
              },
              "last_run_at": {
                "type": "string",
                "format": "date-time"
              },
              "invited": {
                "type": "integer",
                "minimum": 0,
                "description": "Invitations scheduled by all its runs so far."
              }
            }
          },
          "SurveyCampaignPage": {
            "type": "object",
            "required": [
              "data",
              "next_cursor"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/SurveyCampaign"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "SatisfactionFigures": {
            "type": "object",
            "description": "Each kind counts only its own answers. A figure that needs answers (`percent`, `score`, `average`, `rate`) is left out when there are none.",
            "required": [
              "csat",
              "nps",
              "ces",
              "response_rate",
              "comment_sentiment",
              "customer_sentiment"
            ],
            "properties": {
              "csat": {
                "type": "object",
                "required": [
                  "answers",
                  "satisfied"
                ],
                "properties": {
                  "percent": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 100,
                    "description": "CSAT %: answers of 4 or 5 ÷ all CSAT answers × 100."
                  },
                  "answers": {
                    "type": "integer"
                  },
                  "satisfied": {
                    "type": "integer",
                    "description": "Answers of 4 or 5."
                  }
                }
              },
              "nps": {
                "type": "object",
                "required": [
                  "answers",
                  "promoters",
                  "passives",
                  "detractors"
                ],
                "properties": {
                  "score": {
                    "type": "number",
                    "minimum": -100,
                    "maximum": 100,
                    "description": "% promoters (9–10) − % detractors (0–6); passives (7–8) count in the total only."
                  },
                  "answers": {
                    "type": "integer"
                  },
                  "promoters": {
                    "type": "integer"
                  },
                  "passives": {
                    "type": "integer"
                  },
                  "detractors": {
                    "type": "integer"
                  }
                }
              },
              "ces": {
                "type": "object",
                "required": [
                  "answers",
                  "distribution"
                ],
                "properties": {
                  "average": {
                    "type": "number",
                    "minimum": 1,
                    "maximum": 7,
                    "description": "On the 1 = very easy … 7 = very difficult scale (answers to `high_is_easy` surveys are turned first)."
                  },
                  "answers": {
                    "type": "integer"
                  },
                  "distribution": {
                    "type": "array",
                    "description": "How many answers gave 1 (very easy), 2, … 7 (very difficult).",
                    "items": {
                      "type": "integer"
                    },
                    "minItems": 7,
                    "maxItems": 7
                  }
                }
              },
              "response_rate": {
                "type": "object",
                "required": [
                  "sent",
                  "answered"
                ],
                "properties": {
                  "sent": {
                    "type": "integer",
                    "description": "Invitations sent in the period."
                  },
                  "answered": {
                    "type": "integer",
                    "description": "Of those, how many have been answered."
                  },
                  "rate": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 100,
                    "description": "answered ÷ sent × 100."
                  }
                }
              },
              "comment_sentiment": {
                "description": "Comments by sentiment.",
                "allOf": [
                  {
                    "$ref": "#/components/schemas/SentimentCounts"
                  }
                ]
              },
              "customer_sentiment": {
                "type": "object",
                "description": "The tickets created in the period, by the sentiment label of their customer's first labeled message (`opening`) and of the latest one (`latest`). Tickets without a labeled customer message are in neither. Ticket filters apply.",
                "required": [
                  "opening",
                  "latest"
                ],
                "properties": {
                  "opening": {
                    "$ref": "#/components/schemas/SentimentCounts"
                  },
                  "latest": {
                    "$ref": "#/components/schemas/SentimentCounts"
                  }
                }
              }
            }
          },
          "SentimentCounts": {
            "type": "object",
            "description": "How many carry each sentiment label.",
            "required": [
              "negative",
              "neutral",
              "positive"
            ],
            "properties": {
              "negative": {
                "type": "integer"
              },
              "neutral": {
                "type": "integer"
              },
              "positive": {
                "type": "integer"
              }
            }
          },
          "SatisfactionReport": {
            "type": "object",
            "required": [
              "from",
              "to",
              "period",
              "total",
              "periods"
            ],
            "properties": {
              "from": {
                "type": "string",
                "format": "date-time"
              },
              "to": {
                "type": "string",
                "format": "date-time"
              },
              "period": {
                "type": "string",
                "enum": [
                  "day",
                  "week",
                  "fortnight",
                  "month",
                  "custom"
                ]
              },
              "total": {
                "$ref": "#/components/schemas/SatisfactionFigures"
              },
              "periods": {
                "type": "array",
                "description": "The range cut into periods, in order; the first and last are cut to the range.",
                "items": {
                  "type": "object",
                  "required": [
                    "start",
                    "end",
                    "figures"
                  ],
                  "properties": {
                    "start": {
                      "type": "string",
                      "format": "date-time",
                      "description": "Included."
                    },
                    "end": {
                      "type": "string",
                      "format": "date-time",
                      "description": "Excluded."
                    },
                    "figures": {
                      "$ref": "#/components/schemas/SatisfactionFigures"
                    }
                  }
                }
              }
            }
          },
          "CommentTheme": {
            "type": "object",
            "required": [
              "text",
              "comments",
              "phrase"
            ],
            "properties": {
              "text": {
                "type": "string",
                "description": "A word or two-word phrase, as search folds it.",
                "examples": [
                  "توصيل متاخر"
                ]
              },
              "comments": {
                "type": "integer",
                "description": "How many comments use it."
              },
              "phrase": {
                "type": "boolean",
                "description": "Two words next to each other (listed only when at least two comments use it); a word every use of which is inside a listed phrase is not listed again."
              }
            }
          },
          "SatisfactionThemes": {
            "type": "object",
            "description": "Themes of negative comments by the comment's language; a language without negative comments in the range is left out.",
            "properties": {
              "ar": {
                "type": "array",
                "maxItems": 10,
                "items": {
                  "$ref": "#/components/schemas/CommentTheme"
                }
              },
              "en": {
                "type": "array",
                "maxItems": 10,
                "items": {
                  "$ref": "#/components/schemas/CommentTheme"
                }
              }
            }
          },
          "CloseLoopTask": {
            "type": "object",
            "description": "Fields without a value are left out.",
            "required": [
              "id",
              "status",
              "customer_id",
              "customer_name",
              "kind",
              "score",
              "created_at"
            ],
            "properties": {
              "id": {
                "type": "integer",
                "format": "int64"
              },
              "status": {
                "type": "string",
                "enum": [
                  "open",
                  "done"
                ]
              },
              "ticket_id": {
                "type": "integer",
                "format": "int64"
              },
              "ticket_subject": {
                "type": "string",
                "examples": [
                  "استفسار عن الفاتورة"
                ]
              },
              "customer_id": {
                "type": "integer",
                "format": "int64"
              },
              "customer_name": {
                "type": "string",
                "examples": [
                  "سارة العتيبي"
                ]
              },
              "assignee_id": {
                "type": "integer",
                "format": "int64",
                "description": "The ticket's agent when the answer came; left out when nobody had the ticket (its group's supervisors follow up)."
              },
              "group_id": {
                "type": "integer",
                "format": "int64"
              },
              "kind": {
                "$ref": "#/components/schemas/SurveyKind"
              },
              "score": {
                "type": "integer",
                "minimum": 0,
                "maximum": 10,
                "description": "The low answer, as given."
              },
              "comment": {
                "type": "string"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "done_at": {
                "type": "string",
                "format": "date-time"
              }
            }
          },
          "CloseLoopTaskPage": {
            "type": "object",
            "required": [
              "data",
              "next_cursor"
            ],
            "properties": {
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/CloseLoopTask"
                }
              },
              "next_cursor": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          }
        }
      }
    }
    """#
}
