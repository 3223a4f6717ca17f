# -*- encoding:utf-8 -*-

import sys
import hashlib
from hashlib import sha1
import hmac
import base64
from socket import *
import json, time, threading
from websocket import create_connection
import websocket
from urllib.parse import quote
import logging


logging.basicConfig()

base_url = "ws://rtasr.xfyun.cn/v1/ws"
app_id = "YOUR APP ID"
api_key = "YOUR API KEY"
# can also use .pcm file
file_path = r"./file.wav"


end_tag = "{\"end\": true}"


class Client():
    def __init__(self):
        ts = str(int(time.time()))
        tt = (app_id + ts).encode('utf-8')
        md5 = hashlib.md5()
        md5.update(tt)
        baseString = md5.hexdigest()
        baseString = baseString.encode('utf-8')

        apiKey = api_key.encode('utf-8')
        signa = hmac.new(apiKey, baseString, hashlib.sha1).digest()
        signa = base64.b64encode(signa)
        signa = str(signa, 'utf-8')


        url = base_url + "?appid=" + app_id + "&ts=" + ts + "&signa=" + quote(signa)
        self.ws = create_connection(url)
        self.trecv = threading.Thread(target=self.recv)
        self.trecv.start()

